import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, TASKS, type Task } from '../../event';
import { classifyTask } from '../classify';
import { type Sample, TUNING, UNSEEN } from './classify-samples';

/** Share of samples classified as labelled, plus the misses as "want -> got" counts. */
function measure(samples: readonly Sample[]): { accuracy: number; misses: Record<string, number> } {
  const misses: Record<string, number> = {};
  let hits = 0;
  for (const [want, text] of samples) {
    const got = classifyTask(text);
    if (got === want) hits += 1;
    else misses[`${want} -> ${got}`] = (misses[`${want} -> ${got}`] ?? 0) + 1;
  }
  return { accuracy: hits / samples.length, misses };
}

function report(name: string, samples: readonly Sample[]): number {
  const { accuracy, misses } = measure(samples);
  console.log(`classifier ${name}: ${(accuracy * 100).toFixed(1)}% of ${samples.length}`, misses);
  return accuracy;
}

describe('classifyTask on labelled prompts', () => {
  it('gets every task right on at least one English and one Spanish prompt it was tuned on', () => {
    for (const task of TASKS) {
      const spanish = /[¿¡áéíóúñ]|\b(el|la|de|que|un|una|mi)\b/i;
      const ofTask = TUNING.filter(([want]) => want === task);
      const right = ofTask.filter(([want, text]) => classifyTask(text) === want);
      expect(right.some(([, text]) => !spanish.test(text)), `${task} in English`).toBe(true);
      expect(right.some(([, text]) => spanish.test(text)), `${task} in Spanish`).toBe(true);
    }
  });

  // In-sample: these prompts shaped the cues, so the bar is high.
  it('classifies the tuning prompts almost perfectly', () => {
    expect(report('tuning (in-sample)', TUNING)).toBeGreaterThanOrEqual(0.97);
  });

  // Out-of-sample: the honest figure. Measured at 66.7% (32/48) when written;
  // this floor catches a change that makes it clearly worse.
  it('classifies prompts written after the cues at least three times in five', () => {
    expect(report('unseen', UNSEEN)).toBeGreaterThanOrEqual(0.6);
  });
});

describe('classifyTask edge cases', () => {
  it.each<[string, Task]>([
    ['', 'chat'],
    ['   \n\t ', 'chat'],
    ['?', 'chat'],
    ['¿Qué?', 'chat'],
    ['TRADUCE AL INGLÉS: HOLA', 'translate'],
    ['I’m so tired today', 'chat'],
  ])('%j is %s', (text, task) => {
    expect(classifyTask(text)).toBe(task);
  });

  it('reads a request placed after a long pasted document', () => {
    const pasted = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(400);
    expect(classifyTask(`${pasted}\n\nTranslate the above into German.`)).toBe('translate');
    expect(classifyTask(`Summarize this:\n${pasted}`)).toBe('summarize');
  });

  it('recognises pasted source code by its punctuation', () => {
    const source = 'const total = items.reduce((sum, item) => { return sum + item.price; }, 0);\n'.repeat(3);
    expect(classifyTask(`${source}\nwhy is total wrong`)).toBe('code');
  });
});

describe('classifyTask properties', () => {
  it('always returns a task and never throws, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        expect(TASKS).toContain(classifyTask(text));
      }),
    );
  });

  it('reads only the first 2,000 and the last 500 characters of a longer prompt', () => {
    const head = fc.string({ minLength: 2000, maxLength: 2000 });
    const tail = fc.string({ minLength: 500, maxLength: 500 });
    const middle = fc.constantFrom('.', 'translate into french ', 'write a poem ', 'x'.repeat(3000));
    fc.assert(
      fc.property(head, middle, middle, tail, (h, m1, m2, t) => {
        expect(classifyTask(h + m1 + t)).toBe(classifyTask(h + m2 + t));
      }),
      { numRuns: 50 },
    );
  });

  it('skips the middle of a prompt at the length limit, so its cost does not grow with length', () => {
    // Deterministic stand-in for a timing test: a task word that only the middle of a
    // 20-million-character prompt holds must not be seen.
    const filler = 'a'.repeat(LIMITS.chars / 2);
    const huge = `Write an email to my team.\n${filler} translate into French ${filler}`;
    expect(classifyTask(huge)).toBe('write');
  });
});

describe('classifyTask bundle size', () => {
  // It ships in the content script that runs on every page of every supported site.
  it('stays small once minified', () => {
    const entry = fileURLToPath(new URL('../classify.ts', import.meta.url));
    const { outputFiles } = buildSync({ entryPoints: [entry], bundle: true, minify: true, write: false, format: 'esm' });
    const bytes = outputFiles[0]?.contents.byteLength ?? Infinity;
    console.log(`classifier minified: ${bytes} bytes`);
    expect(bytes).toBeLessThanOrEqual(4_500);
  });
});
