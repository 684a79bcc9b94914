/**
 * Text samples for fitting and checking the token estimator, written for this
 * project in the kinds of text people send to and get from chat assistants.
 */
export const TOKEN_SAMPLES: Record<string, string> = {
  'English prose': `When you boil water at high altitude, the lower air pressure lets the water reach its boiling point sooner, at a lower temperature. At two thousand metres above sea level water boils at roughly ninety-three degrees Celsius, which is why pasta takes longer to cook in the mountains and why some recipes suggest adding a few extra minutes. Pressure cookers solve the problem by trapping steam, raising the pressure inside the pot and with it the boiling point.`,
  'English request': `Can you help me rewrite this email so it sounds friendlier but still professional? I need to tell my manager that the quarterly report will be two days late because the data from the sales team arrived incomplete, and I don't want it to sound like I'm blaming anyone. Keep it under 120 words please.`,
  'Spanish prose': `Cuando hierves agua en la montaña, la presión atmosférica más baja hace que el agua alcance antes su punto de ebullición, a una temperatura menor. A dos mil metros sobre el nivel del mar el agua hierve a unos noventa y tres grados, por eso la pasta tarda más en cocerse y algunas recetas aconsejan añadir unos minutos. Las ollas a presión resuelven el problema atrapando el vapor y elevando la presión dentro de la olla.`,
  French: `Pourriez-vous m'expliquer simplement la différence entre une énergie renouvelable et une énergie bas carbone ? Je prépare un exposé pour des élèves de quatrième et je voudrais des exemples concrets : l'éolien, le solaire, le nucléaire et l'hydraulique, avec leurs avantages et leurs inconvénients.`,
  German: `Die Energiewende verlangt nicht nur neue Windräder und Solaranlagen, sondern auch einen sparsameren Umgang mit Strom. Rechenzentren verbrauchen einen wachsenden Anteil der erzeugten Elektrizität, und jede Anfrage an ein großes Sprachmodell trägt dazu bei. Kleinere, spezialisierte Modelle erledigen viele Aufgaben mit einem Bruchteil der Energie.`,
  Russian: `Объясни, пожалуйста, почему вода закипает при более низкой температуре в горах. Мне нужно короткое объяснение для школьника, без сложных формул, но с примером из повседневной жизни, например про приготовление макарон или чая в походе.`,
  Greek: `Μπορείς να μου εξηγήσεις πώς λειτουργεί ένας ηλιακός θερμοσίφωνας; Θέλω να ξέρω πόσο νερό ζεσταίνει την ημέρα και αν αξίζει να τον βάλω σε ένα διαμέρισμα στην Αθήνα.`,
  Arabic: `هل يمكنك أن تشرح لي لماذا يغلي الماء عند درجة حرارة أقل في المناطق الجبلية؟ أحتاج إلى شرح بسيط لطالب في المدرسة مع مثال من الحياة اليومية مثل طهي المعكرونة أو إعداد الشاي أثناء الرحلات.`,
  Hebrew: `תוכל להסביר לי בפשטות למה מים רותחים בטמפרטורה נמוכה יותר בהרים? אני צריך הסבר קצר לתלמיד בבית הספר, עם דוגמה מחיי היומיום כמו בישול פסטה או הכנת תה בטיול.`,
  Chinese: `请用简单的语言解释为什么在高海拔地区水的沸点会降低。我需要给一个中学生讲解，不要用复杂的公式，最好举一个日常生活中的例子，比如在山上煮面条或者泡茶的时候会发生什么。另外请说明压力锅是怎样解决这个问题的。`,
  Japanese: `高い山の上では、なぜ水が低い温度で沸騰するのか、中学生にもわかるように簡単に説明してください。難しい数式は使わずに、山でカップラーメンを作るときやお茶をいれるときの例を挙げてもらえると助かります。`,
  Korean: `높은 산에서는 왜 물이 더 낮은 온도에서 끓는지 중학생도 이해할 수 있게 쉽게 설명해 주세요. 어려운 공식은 빼고, 산에서 라면을 끓이거나 차를 마실 때의 예를 들어 주면 좋겠습니다.`,
  Hindi: `कृपया सरल भाषा में समझाइए कि पहाड़ों पर पानी कम तापमान पर क्यों उबलता है। मुझे एक स्कूल के छात्र के लिए छोटा सा उदाहरण चाहिए, जैसे पहाड़ पर चाय बनाना या खाना पकाना।`,
  Thai: `ช่วยอธิบายง่ายๆ หน่อยว่าทำไมน้ำถึงเดือดที่อุณหภูมิต่ำกว่าเมื่ออยู่บนภูเขาสูง ขอตัวอย่างจากชีวิตประจำวัน เช่น การต้มบะหมี่หรือชงชาตอนไปเดินป่า`,
  'TypeScript code': `export function groupByDay(events: readonly { at: number; wh: number }[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const event of events) {
    const day = new Date(event.at).toISOString().slice(0, 10);
    totals.set(day, (totals.get(day) ?? 0) + event.wh);
  }
  return totals;
}

// Usage: console.log([...groupByDay(history)].sort(([a], [b]) => a.localeCompare(b)));`,
  'Python code': `import csv
from collections import defaultdict

def totals_by_site(path):
    totals = defaultdict(float)
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            totals[row["site"]] += float(row["energy_wh"] or 0)
    return dict(sorted(totals.items(), key=lambda item: -item[1]))

if __name__ == "__main__":
    print(totals_by_site("frugal-history.csv"))`,
  'JSON data': `{"id":"4c0b9a51-7d2e-4f6a-9a3b-1e2d3c4b5a69","site":"chatgpt","model":"gpt-5-3","input_tokens":412,"output_tokens":1290,"energy_wh":[0.12,0.31,0.88],"tags":["draft","email","work"],"created":"2026-11-26T09:41:07Z"}`,
  'Markdown answer': `## Three ways to cut your footprint

1. **Search first.** A web search answers most factual questions for a fraction of the energy.
2. **Pick the small model.** Summaries and translations rarely need the largest model.
3. **Skip the regenerate button.** Edit your prompt instead of asking again and again.

| Task | Simpler tool |
|------|--------------|
| Lookup | Search engine |
| Translate | Translation model |`,
  Ukrainian: `Допоможи скласти короткий лист до сусідів про те, що в суботу вранці відключать воду для ремонту труб. Лист має бути ввічливим і зрозумілим.`,
  'Chat with emoji': `haha yes 😂😂 that's exactly what happened to me last week!! 🙈 anyway, thanks for the tips 🙏✨ I'll try the pressure cooker thing tomorrow 🍝🔥`,
  'Numbers and dates': `Invoice 2026-0417: 3 x 249.99 EUR = 749.97 EUR, due 2026-12-15. Previous balance 1,204.50; paid 15/10/2026 ref. 88231907. Total outstanding: 1,954.47 EUR (VAT 21% incl.).`,
};

/** Written after the rates were fitted and never used to fit them: they check that the fit generalises. */
export const HELD_OUT_SAMPLES: Record<string, string> = {
  'English summary request': `Summarise the attached meeting notes in five bullet points for people who missed the call. Focus on decisions, owners and deadlines, and leave out the small talk about the office move and the coffee machine.`,
  'Spanish chat': `Oye, ¿me recomiendas alguna novela corta para leer en el tren? Algo que no sea muy triste, que tenga humor y que se pueda terminar en un fin de semana. Me gustaron mucho las de Eduardo Mendoza.`,
  Portuguese: `Preciso de uma receita vegetariana rápida para o jantar de hoje, com ingredientes que normalmente tenho em casa: arroz, grão-de-bico, tomate, cebola e espinafres. Pode indicar o tempo de preparação?`,
  Italian: `Qual è la differenza tra il treno regionale veloce e l'Intercity per andare da Bologna a Firenze? Mi interessa soprattutto il prezzo e se devo prenotare il posto in anticipo.`,
  'Chinese technical': `数据库查询太慢了，表里有大约两千万条记录，按用户编号和日期筛选。我已经建了索引，但执行计划显示仍然在全表扫描，可能是什么原因？`,
  SQL: `SELECT site, date_trunc('week', created_at) AS week, count(*) AS prompts, sum(energy_wh) AS wh
FROM events
WHERE created_at >= now() - interval '90 days'
GROUP BY site, week
ORDER BY week DESC, wh DESC;`,
  'Java code': `public final class RollingAverage {
    private final double[] window;
    private int next = 0, size = 0;
    private double sum = 0;

    public RollingAverage(int capacity) { this.window = new double[capacity]; }

    public double add(double value) {
        if (size == window.length) sum -= window[next]; else size++;
        window[next] = value;
        sum += value;
        next = (next + 1) % window.length;
        return sum / size;
    }
}`,
  Bulgarian: `Можеш ли да ми помогнеш да напиша кратка покана за рождения ден на дъщеря ми? Празникът е в събота следобед в парка, ще има торта и игри за децата.`,
};
