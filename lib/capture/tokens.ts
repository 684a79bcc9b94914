/**
 * Script-aware token estimation that runs in the page, on text as it streams.
 *
 * A real tokenizer (o200k: ~170 kB of merges) would dominate the content-script
 * budget, and every site tokenizes differently anyway. Instead this counts runs
 * of characters by script and prices each run with a per-script rate fitted
 * against o200k_base on the samples in __tests__/token-samples.ts (the test
 * prints the measured error per language).
 *
 * Memory is O(1): a tally keeps counters and the class of the run it is in, never
 * the text, so a chunk can be counted and dropped, and a word split across two
 * chunks is still one word.
 */

const enum CharClass {
  None,
  /** a-z, A-Z: English-like words. */
  Latin,
  /** Accented Latin letters (Spanish, French, Polish…), which split words more often. */
  LatinExtended,
  /** Cyrillic: alphabetic, with many merges learned. */
  Cyrillic,
  /** Greek, Armenian, Hebrew: alphabetic, with fewer merges learned. */
  SmallAlphabet,
  Arabic,
  /** Han ideographs, kana and Hangul syllables, each priced per character. */
  Han,
  Kana,
  Hangul,
  /** Indic, Thai and other scripts: priced per character. */
  OtherScript,
  Digit,
  Space,
  Newline,
  Punctuation,
  /** Emoji and other astral symbols. */
  Symbol,
}

/**
 * Fitted rates (tokens per unit). Fit on 2026-11-26 against gpt-tokenizer's
 * o200k_base over TOKEN_SAMPLES and checked on HELD_OUT_SAMPLES (the test prints
 * both). Cyrillic was refitted once, when the held-out Ukrainian sample showed
 * the Russian-only rate was 25% low; Ukrainian then joined the fitting set.
 */
const RATE = {
  /** A word costs one token, plus one per `lettersPerExtraToken` letters past the first `wordFreeLetters`. */
  wordFreeLetters: 7,
  lettersPerExtraToken: 3,
  /** Accented letters add this much each (they break learned merges). */
  latinExtendedLetter: 0.35,
  /** Letters per token in a word of each alphabet (a word costs at least one token). */
  cyrillicLettersPerToken: 3.4,
  smallAlphabetLettersPerToken: 2.3,
  arabicLettersPerToken: 3.4,
  hanPerChar: 0.68,
  kanaPerChar: 0.85,
  hangulPerChar: 0.74,
  otherScriptPerChar: 0.42,
  digitsPerToken: 3,
  /** A punctuation run: its first mark, then each further one (`) => {` merges). */
  punctuationFirst: 0.75,
  punctuationMore: 0.2,
  symbolPerChar: 1.3,
  newlineRun: 0.5,
} as const;

function classify(code: number): CharClass {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return CharClass.Latin;
    if (code >= 0x30 && code <= 0x39) return CharClass.Digit;
    if (code === 0x20 || code === 0x09) return CharClass.Space;
    if (code === 0x0a || code === 0x0d) return CharClass.Newline;
    if (code < 0x20 || code === 0x7f) return CharClass.None;
    return CharClass.Punctuation;
  }
  if (code === 0xa0 || code === 0x3000) return CharClass.Space;
  if ((code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff)) {
    return CharClass.LatinExtended;
  }
  if (code >= 0x400 && code <= 0x52f) return CharClass.Cyrillic;
  if (code >= 0x370 && code <= 0x5ff) return CharClass.SmallAlphabet; // Greek, Armenian, Hebrew
  if ((code >= 0x600 && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f)) return CharClass.Arabic;
  if ((code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) {
    return CharClass.Han;
  }
  if (code >= 0x3040 && code <= 0x30ff) return CharClass.Kana;
  if (code >= 0xac00 && code <= 0xd7af) return CharClass.Hangul;
  if ((code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) return CharClass.Punctuation; // CJK/fullwidth punctuation
  if (code >= 0x2000 && code <= 0x2bff) return CharClass.Punctuation; // general punctuation, arrows, math
  if (code >= 0xd800 && code <= 0xdbff) return CharClass.Symbol; // high surrogate: astral (emoji, rare Han)
  if (code >= 0xdc00 && code <= 0xdfff) return CharClass.None; // low surrogate: counted with its high half
  if (code >= 0xfe00 && code <= 0xfe0f) return CharClass.None; // variation selectors
  if (code === 0x200d) return CharClass.None; // zero-width joiner
  return CharClass.OtherScript;
}

/** An incremental count of characters and estimated tokens over streamed text. */
export class TextTally {
  /** Unicode code points seen (what a person would call characters). */
  chars = 0;
  private whole = 0;
  private run = CharClass.None;
  private runLength = 0;
  private runExtended = 0;

  add(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // Every code unit except the second half of a surrogate pair starts a code point.
      if (code < 0xdc00 || code > 0xdfff) this.chars++;
      const cls = classify(code);
      if (cls === CharClass.None) continue;
      const joinsWord =
        (cls === CharClass.Latin || cls === CharClass.LatinExtended) &&
        (this.run === CharClass.Latin || this.run === CharClass.LatinExtended);
      if (cls === this.run || joinsWord) {
        this.runLength++;
        if (cls === CharClass.LatinExtended) this.runExtended++;
        if (joinsWord) this.run = CharClass.Latin;
        continue;
      }
      this.closeRun();
      this.run = cls === CharClass.LatinExtended ? CharClass.Latin : cls;
      this.runLength = 1;
      this.runExtended = cls === CharClass.LatinExtended ? 1 : 0;
    }
  }

  /** Estimated tokens so far, including the run still open. */
  get tokens(): number {
    return Math.round(this.whole + runCost(this.run, this.runLength, this.runExtended));
  }

  reset(): void {
    this.chars = 0;
    this.whole = 0;
    this.run = CharClass.None;
    this.runLength = 0;
    this.runExtended = 0;
  }

  private closeRun(): void {
    this.whole += runCost(this.run, this.runLength, this.runExtended);
    this.run = CharClass.None;
    this.runLength = 0;
    this.runExtended = 0;
  }
}

function runCost(cls: CharClass, length: number, extended: number): number {
  if (length === 0) return 0;
  switch (cls) {
    case CharClass.Latin:
      return (
        1 +
        Math.max(0, length - RATE.wordFreeLetters) / RATE.lettersPerExtraToken +
        extended * RATE.latinExtendedLetter
      );
    case CharClass.Cyrillic:
      return Math.max(1, length / RATE.cyrillicLettersPerToken);
    case CharClass.SmallAlphabet:
      return Math.max(1, length / RATE.smallAlphabetLettersPerToken);
    case CharClass.Arabic:
      return Math.max(1, length / RATE.arabicLettersPerToken);
    case CharClass.Han:
      return length * RATE.hanPerChar;
    case CharClass.Kana:
      return length * RATE.kanaPerChar;
    case CharClass.Hangul:
      return length * RATE.hangulPerChar;
    case CharClass.OtherScript:
      return Math.max(1, length * RATE.otherScriptPerChar);
    case CharClass.Digit:
      return Math.ceil(length / RATE.digitsPerToken);
    case CharClass.Punctuation:
      return RATE.punctuationFirst + (length - 1) * RATE.punctuationMore;
    case CharClass.Symbol:
      return length * RATE.symbolPerChar;
    case CharClass.Space:
      // A single space merges into the next word, indentation into the newline before it.
      return 0;
    case CharClass.Newline:
      return RATE.newlineRun;
    default:
      return 0;
  }
}

/** Characters and tokens of one finished string. */
export function measureText(text: string): { chars: number; tokens: number } {
  const tally = new TextTally();
  tally.add(text);
  return { chars: tally.chars, tokens: tally.tokens };
}
