import type { Task } from '../event';

/**
 * Guesses which simpler tool could have done a prompt's job, from its text, in
 * the page, so that only the category is ever kept.
 *
 *   lookup     a fact a web search finds (who, when, how many, opening hours)
 *   translate  text from one language to another
 *   summarize  shorten or extract the gist of a given text
 *   code       write, explain or fix software
 *   write      prose meant for someone else, or editing it (emails, letters, posts, poems)
 *   chat       conversation, advice, opinions, jokes, small talk
 *   image      make a picture
 *   other      maths, planning, comparisons, brainstorming: general-purpose reasoning
 *
 * Cues are English and Spanish word stems, matched on lower-cased text with
 * accents removed. The cost is bounded whatever the prompt's length: only the
 * first HEAD and last TAIL characters are read. The tail matters because people
 * often paste a document first and ask for what they want at the end.
 *
 * On prompts written after the cues were chosen it is right about two times in
 * three (the tests print the figure): enough to suggest a simpler tool for a
 * week of use, not to judge any single prompt.
 */

const HEAD = 2000;
const TAIL = 500;
/** The request usually sits in the first or last line; cues there weigh double. */
const INSTRUCTION_LINE = 160;
/** Braces, semicolons and arrows this often mean pasted source code... */
const CODE_SYMBOLS_FOR_SOURCE = 4;
/** ...which outweighs two cue words in the request ("why is item.price wrong"). */
const PASTED_SOURCE_SCORE = 5;

const LANGUAGES =
  'english|spanish|french|german|italian|portuguese|japanese|chinese|korean|dutch|greek|arabic|russian|' +
  'ingles|espanol|frances|aleman|italiano|portugues|catalan|chino|japones|ruso';

/** Whole words (or stems ending in \w*) for one task, plus raw patterns that need no word boundary. */
function cue(words: string, raw = ''): RegExp {
  return new RegExp(String.raw`\b(${words})\b${raw && `|${raw}`}`, 'g');
}

/**
 * In order of precedence: on a tie the earlier task wins, because its cues are
 * the more specific ("write a python function" is code, "what is X in French"
 * is a translation, "a caption for a photo" is writing). Chat comes before
 * lookup because talking to the assistant ("what is your favourite film") is
 * not a search.
 */
const CUES: readonly (readonly [Task, RegExp])[] = [
  [
    'translate',
    cue(
      String.raw`translat\w*|tradu[cz]\w*|how (do|would) (you|i) say|como se dice|como seria|(in|into|to|en|al|a) (${LANGUAGES})|(${LANGUAGES}) (word|term) for`,
    ),
  ],
  [
    'summarize',
    cue(
      String.raw`summar\w*|sum (this|it) up|shorte[nr]|short version|what('s| is) (this|it)( \w+)? about|tl;?dr|(key|main) points|takeaways?|nutshell|gist|condense|recap|main (ideas|arguments)|boil \w+( \w+)? down|resum(en|ir|elo|ela|eme|emelo)|resume (en|este|esta|el|la|lo)|puntos clave|ideas? principal\w*|sintetiza\w*|sintesis|pocas palabras|que dice (este|esta|el|la)|de que (va|trata)|acorta\w*|mas corto`,
    ),
  ],
  [
    'code',
    cue(
      String.raw`code|coding|codigo|program\w*|funct?ion(es|s)?|python|javascript|typescript|java|rust|php|sql|mysql|html|css|csv|bash|shell|powershell|regex|json|docker\w*|git|commit|npm|pip|pandas|react|vue|node|api|linux|async|await|compil\w*|debug\w*|depura\w*|bucle|loop|array|div|components?|\w{3,}error|exception|throws?|undefined|stack trace|unit tests?|query`,
      String.raw`c\+\+|` + '```',
    ),
  ],
  [
    'write',
    cue(
      String.raw`write|writing|draft|compose|rewrite|rephrase|paraphrase|proofread\w*|grammar|spelling|e-?mail|letter|essay|poem|haiku|story|speech|post|caption|bio|tweet|blog|lyrics|slogan|tagline|description|note|reply|sounds? (more |less )?(professional|formal|friendly|rude)|(more|less) (formal|catchy|professional|polite|friendly|concise|rude)|contestar a|responder a|escrib[ei]r?(me)?|redacta(me|r)?|redaccion|reescribe|corrige|correo|carta|queja|ensayo|poema|cuento|mensaje|publicacion|discurso|descripcion|felicitacion|mejora (el|la|este|esta|mi)|ortografia|tono`,
    ),
  ],
  [
    'image',
    cue(
      String.raw`imag(e|es|en)|pictures?|photo(graph|realistic)?|draw(ing)?|illustrat\w*|painting|sketch|logo\w*|icon|poster|banner|avatar|thumbnail|wallpaper|render|3d|[48]k|cinematic|watercolou?r|(digital|vector|concept) art|arte digital|anime|cartoon|portrait|isometric|(ultra|highly) detailed|dibuj\w*|ilustracion|foto(grafia)?|pintura|acuarela|cartel|retrato|colorear|paisaje|landscape|style|estilo|pixar|ghibli|oleo`,
      // Image-site prompts are often a noun phrase and a list of modifiers: "a fox in the snow, watercolour".
      String.raw`--ar\b|^(an?|the|un|una) [^?\n.]*,`,
    ),
  ],
  [
    'other',
    cue(
      String.raw`solve|calcul\w*|equation|ecuacion|conver(t|tir|tie)|work out (the|how)|plan|itinerar\w*|schedule|budget|presupuesto|menu|meal|brainstorm|ideas (for|to|de|para)|compar\w*|pros and cons|ventajas y desventajas|versus|vs|better|mejor|lista?|mortgage|interest|percent|porcentaje|save|ahorrar|road trip|resuelve|organiza|conviene|split`,
      String.raw`\d ?%|\d ?(times|x|\*|plus|minus|divided by|por|mas|menos|entre) ?\d`,
    ),
  ],
  [
    'chat',
    cue(
      String.raw`hi|hello|hey|thanks|thank you|good (morning|night)|how are you|joke|advice|should i|i'?m|i am|i feel|i had|i was|are you|would you|you were|do you (ever|like|love|think)|what('s| is) your|your favou?rite|lol|(ja|ha){2,}\w*|hola|buen[oa]s (dias|tardes|noches)|gracias|como estas|chiste|consejo|que opinas|recomiendas|que (hago|hacer)|me ayudas|decidir|estoy|me siento|te llamas|aburrid[oa]|triste`,
    ),
  ],
  [
    'lookup',
    cue(
      String.raw`what (is|are|was|were|does)|what time|who \w+|when (is|was|did|does)|where (is|are)|how (many|much|tall|far|old|long|big)|which|why (is|are|do|does)|defin\w*|meaning of|capital|population|price|opening hours|distance|weather|year did|que (es|significa|dia|pais|hora|ciudad|idioma|ano)|quien|cuando|donde (esta|queda)|cuant[oa]s?|cual(es)? (es|son)|significado|best|open|precio|horario|en que ano`,
      // A search-box query often starts with the question word and nothing else gives it away.
      String.raw`^(is|does|did|when|where|which|quien|cual|cuando|donde)\b`,
    ),
  ],
];

/** Words that address someone: a cue-less prompt with one of them is conversation. */
const PERSONAL = /\b(i|me|my|you|your|we|us|yo|mi|tu|te|nos)\b/;
/** A cue-less prompt this short without a pronoun reads like a search query. */
const QUERY_WORDS = 12;

/** Lower case, accents and curly apostrophes folded, so "¿Qué?" and "que" match the same cue. */
function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'");
}

function countMatches(text: string, cue: RegExp): number {
  return text.match(cue)?.length ?? 0;
}

/** The part of a long prompt that is read: its head and its tail, never more. */
function boundedWindow(text: string): string {
  return text.length > HEAD + TAIL ? `${text.slice(0, HEAD)}\n${text.slice(-TAIL)}` : text;
}

export function classifyTask(text: string): Task {
  const read = fold(boundedWindow(text)).trim();
  const firstBreak = read.indexOf('\n');
  const firstLine = read.slice(0, firstBreak < 0 ? INSTRUCTION_LINE : Math.min(firstBreak, INSTRUCTION_LINE));
  const lastLine = firstBreak < 0 ? '' : read.slice(read.lastIndexOf('\n') + 1).slice(-INSTRUCTION_LINE);
  const codeSymbols = countMatches(read, /[{};]|=>/g);

  let best: Task | null = null;
  let bestScore = 0;
  for (const [task, cue] of CUES) {
    let score =
      2 * (countMatches(firstLine, cue) + countMatches(lastLine, cue)) + (countMatches(read, cue) > 0 ? 1 : 0);
    if (task === 'code' && codeSymbols >= CODE_SYMBOLS_FOR_SOURCE) score += PASTED_SOURCE_SCORE;
    if (score > bestScore) {
      best = task;
      bestScore = score;
    }
  }
  if (best) return best;
  // No cue at all. Talking to someone, or a word or two ("ok"), is conversation;
  // a short impersonal phrase or a question is what a search box gets; anything
  // longer is a general request.
  const words = read.split(/\s+/).length;
  if (PERSONAL.test(read) || words <= 2) return 'chat';
  return read.includes('?') || words <= QUERY_WORDS ? 'lookup' : 'other';
}
