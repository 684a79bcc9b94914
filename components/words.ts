import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Format } from '../lib/views/format';
import type { Translator } from '../lib/views/i18n';

/** The page's language: texts (`t`), numbers and dates (`format`). Provided once per page. */
export interface Words extends Translator {
  readonly format: Format;
}

export const WordsContext = createContext<Words | null>(null);

export function useWords(): Words {
  const words = useContext(WordsContext);
  if (!words) throw new Error('useWords outside a WordsContext provider');
  return words;
}
