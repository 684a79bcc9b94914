// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_CHANGED } from '../../entrypoints/dashboard/App';
import { exportText, seed, storedEvent, uuid } from '../../lib/csv/__tests__/helpers';
import { EventEstimator } from '../../lib/csv/estimates';
import type { CsvProblem, ProblemCode } from '../../lib/csv/problems';
import { eventRecord, HEADER_RECORD } from '../../lib/csv/rows';
import type { StoredEvent } from '../../lib/event';
import { writeSettings } from '../../lib/settings';
import { openFrugalDb, type FrugalDb } from '../../lib/store/db';
import { createFormat } from '../../lib/views/format';
import { testTranslator } from '../../lib/views/__tests__/translators';
import { ExportImport, problemText } from '../ExportImport';
import { provideWords, type Words } from '../words';

async function wordsIn(language: 'en' | 'es'): Promise<Words> {
  const translator = await testTranslator(language);
  return { ...translator, format: createFormat(translator.locale) };
}

/** One problem of every kind the import reports. */
const PROBLEMS: Record<ProblemCode, CsvProblem> = {
  'file-too-large': { code: 'file-too-large', limit: 100 * 1024 * 1024 },
  'not-utf8': { code: 'not-utf8' },
  'empty-file': { code: 'empty-file' },
  'unknown-column': { code: 'unknown-column', line: 1, column: 'notes' },
  'duplicate-column': { code: 'duplicate-column', line: 1, column: 'site' },
  'missing-column': { code: 'missing-column', line: 1, column: 'timestamp_utc' },
  'unterminated-quote': { code: 'unterminated-quote', line: 7 },
  'quote-in-unquoted-cell': { code: 'quote-in-unquoted-cell', line: 8 },
  'text-after-quote': { code: 'text-after-quote', line: 9 },
  'bare-cr': { code: 'bare-cr', line: 10 },
  'cell-too-long': { code: 'cell-too-long', line: 11, limit: 256 },
  'wrong-cell-count': { code: 'wrong-cell-count', line: 12, expected: 27, found: 26 },
  'too-many-rows': { code: 'too-many-rows', line: 250_002, limit: 250_000 },
  'invalid-value': { code: 'invalid-value', line: 13, column: 'images', value: 'many', expected: { type: 'count', max: 64 } },
  'duplicate-id': { code: 'duplicate-id', line: 14, firstLine: 3 },
};

describe('problemText', () => {
  it('words every problem in English, with its line', async () => {
    const words = await wordsIn('en');
    const texts = Object.fromEntries(Object.entries(PROBLEMS).map(([code, problem]) => [code, problemText(problem, words)]));
    expect(texts).toEqual({
      'file-too-large': 'The file is larger than 100 MB. Export shorter date ranges and import them one by one.',
      'not-utf8': 'The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.',
      'empty-file': 'The file is empty.',
      'unknown-column': 'Line 1: unknown column “notes”.',
      'duplicate-column': 'Line 1: the column “site” appears twice.',
      'missing-column': 'Line 1: the column “timestamp_utc” is missing.',
      'unterminated-quote': 'Line 7: a quoted cell never ends (a closing " is missing).',
      'quote-in-unquoted-cell': 'Line 8: a double quote inside a cell that does not start with one.',
      'text-after-quote': 'Line 9: text after a closing quote.',
      'bare-cr': 'Line 10: a line break that is neither CRLF nor LF.',
      'cell-too-long': 'Line 11: a cell is longer than 256 characters.',
      'wrong-cell-count': 'Line 12: 26 cells, but the header has 27.',
      'too-many-rows': 'Line 250002: more than 250,000 rows. Export shorter date ranges and import them one by one.',
      'invalid-value': 'Line 13, column images: “many” is not a whole number from 0 to 64.',
      'duplicate-id': 'Line 14: the same id as line 3.',
    });
  });

  it('says what each kind of cell must hold', async () => {
    const words = await wordsIn('en');
    const invalid = (expected: Extract<CsvProblem, { code: 'invalid-value' }>['expected']) =>
      problemText({ code: 'invalid-value', line: 2, column: 'status', value: 'x', expected }, words);
    expect(invalid({ type: 'uuid' })).toBe('Line 2, column status: “x” is not an id such as 3b241101-e2bb-4255-8caf-4136c566a962.');
    expect(invalid({ type: 'timestamp' })).toContain('a UTC time such as 2026-11-26T09:30:00.000Z, from 2022-11-30 to now');
    expect(invalid({ type: 'model', maxLength: 80 })).toContain('empty or a model id (a–z, 0–9 and . _ : / + -, up to 80 characters)');
    expect(invalid({ type: 'one-of', options: ['complete', 'error'] })).toContain('one of: complete, error');
  });

  it('words every problem in Spanish too, every placeholder filled', async () => {
    const words = await wordsIn('es');
    for (const problem of Object.values(PROBLEMS)) {
      const text = problemText(problem, words);
      expect(text).not.toMatch(/[{}]|^$/);
      if ('line' in problem) expect(text).toContain(`Línea ${problem.line}`);
    }
  });
});

describe('ExportImport', () => {
  let db: FrugalDb;
  let root: HTMLElement;
  const downloads: Blob[] = [];

  beforeAll(async () => {
    // The component keeps one connection for the page: one database for this file.
    globalThis.indexedDB = new IDBFactory();
    db = await openFrugalDb();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      downloads.push(blob as Blob);
      return 'blob:frugal-test';
    });
  });
  afterAll(() => vi.restoreAllMocks());

  beforeEach(async () => {
    await db.clear('events');
    await db.clear('rollups');
    downloads.length = 0;
    provideWords(await wordsIn('en'));
    await writeSettings({ region: 'FRA' });
    document.body.innerHTML = '<main id="app"></main>';
    root = document.getElementById('app')!;
    render(<ExportImport />, root);
  });

  const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const waitFor = (id: string) => vi.waitFor(() => expect(byTestId(id)).not.toBeNull(), { timeout: 5000 });

  const csvOf = (events: readonly StoredEvent[]): string => {
    const estimator = new EventEstimator('provider');
    return HEADER_RECORD + events.map((event) => eventRecord(event, estimator)).join('');
  };

  async function choose(text: string, name = 'backup.csv'): Promise<void> {
    const input = byTestId('csv-file') as HTMLInputElement;
    const file = new File([text], name, { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  it('exports the whole history with the region setting, as a download named by date', async () => {
    await seed(db, [storedEvent(), storedEvent({ id: uuid(2), at: storedEvent().at + 1 })]);
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^frugal-history-\d{4}-\d{2}-\d{2}\.csv$/);
    });
    byTestId('csv-export-button')!.click();
    await waitFor('csv-exported');
    expect(clicked).toHaveBeenCalledOnce();
    expect(byTestId('csv-exported')!.textContent).toMatch(/^2 prompts saved to frugal-history-/);
    expect(await downloads[0]!.text()).toBe(await exportText(db, { region: 'FRA' }));
  });

  it('refuses a broken file and lists its problems with their lines, writing nothing', async () => {
    await choose(`${HEADER_RECORD}not,a,row\r\n"open\r\n`);
    await waitFor('csv-problems');
    const items = [...byTestId('csv-problems')!.querySelectorAll('li')].map((item) => item.textContent);
    expect(items).toEqual(['Line 2: 3 cells, but the header has 27.', 'Line 3: a quoted cell never ends (a closing " is missing).']);
    expect(await db.count('events')).toBe(0);
  });

  it('shows file text as text, never as markup', async () => {
    await choose('<img src=x onerror=alert(1)>,id\r\n');
    await waitFor('csv-problems');
    expect(byTestId('csv-problems')!.querySelector('img')).toBeNull();
    expect(byTestId('csv-problems')!.textContent).toContain('“<img src=x onerror=alert(1)>”');
  });

  it('previews an import, writes it on confirmation and tells the dashboard', async () => {
    const events = [storedEvent(), storedEvent({ id: uuid(2), site: 'claude', model: 'claude-sonnet-4-5', at: storedEvent().at + 86_400_000 })];
    await seed(db, [events[0]!]);

    await choose(csvOf(events));
    await waitFor('csv-preview');
    expect(byTestId('csv-preview-rows')!.textContent).toMatch(/^2 prompts, from /);
    expect(byTestId('csv-preview-sites')!.textContent).toContain('ChatGPT: 1');
    expect(byTestId('csv-preview-new')!.textContent).toBe('New: 1');
    expect(await db.count('events')).toBe(1);

    const changed = vi.fn();
    window.addEventListener(HISTORY_CHANGED, changed);
    byTestId('csv-import-confirm')!.click();
    await waitFor('csv-imported');
    window.removeEventListener(HISTORY_CHANGED, changed);
    expect(byTestId('csv-imported')!.textContent).toBe('Imported: 1 new, 0 updated, 1 already here.');
    expect(changed).toHaveBeenCalledOnce();
    expect(await db.count('events')).toBe(2);
  });

  it('writes nothing when the preview is cancelled', async () => {
    await choose(csvOf([storedEvent()]));
    await waitFor('csv-preview');
    byTestId('csv-import-cancel')!.click();
    await vi.waitFor(() => expect(byTestId('csv-preview')).toBeNull());
    expect(await db.count('events')).toBe(0);
  });
});
