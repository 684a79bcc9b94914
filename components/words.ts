import type { Format } from '../lib/views/format';
import type { Translator } from '../lib/views/i18n';

/** The page's language: texts (`t`), numbers and dates (`format`). */
export interface Words extends Translator {
  readonly format: Format;
}

/**
 * A page shows one language at a time, so its words are set once before each
 * render rather than passed through a Preact context: the popup then needs
 * no hooks at all (1.8 kB of its 80 kB budget). Set them again and render
 * again to change language.
 */
let current: Words | null = null;

export function provideWords(words: Words): void {
  current = words;
}

export function useWords(): Words {
  if (!current) throw new Error('useWords before provideWords');
  return current;
}
