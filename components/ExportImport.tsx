import { useRef, useState } from 'preact/hooks';
import { HISTORY_CHANGED } from '../entrypoints/dashboard/App';
import { csvFileName, exportCsv } from '../lib/csv/export';
import {
  IMPORT_LIMITS,
  type ImportRow,
  type ImportSummary,
  previewImport,
  readImport,
  writeImport,
} from '../lib/csv/import';
import type { CsvProblem, Expectation } from '../lib/csv/problems';
import { readSettings } from '../lib/settings';
import { siteName } from '../lib/sites/hosts';
import { createDbConnection } from '../lib/store/db';
import { type Words, useWords } from './words';

/**
 * The CSV export and import of the dashboard's "Your data" section.
 *
 * Export: the whole history or a range of local days, with the user's grid
 * region, optionally with a byte order mark; progress while it runs; the file
 * is offered as a download named with the date.
 * Import: pick a file; it is read and checked in full (problems listed with
 * their lines); a preview says what would change; only on confirmation is
 * everything written, in one transaction, from this page (lib/store/import.ts
 * says why here and not through the background).
 * Every value from a file is shown as text, never as markup.
 */

const database = createDbConnection();

/** The file as a download (an object URL, revoked once the browser has taken it). */
function download(parts: readonly string[], fileName: string): void {
  const url = URL.createObjectURL(new Blob([...parts], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  // Firefox starts a download only for a link in the document.
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Local midnight starting `YYYY-MM-DD`, or null for an empty or invalid field. */
function localDayStart(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

function megabytes(bytes: number, words: Words): string {
  return `${words.format.count(Math.round(bytes / (1024 * 1024)))} MB`;
}

function expectedText(expected: Expectation, words: Words): string {
  const { t, format } = words;
  switch (expected.type) {
    case 'uuid':
      return t('csv.expected.uuid');
    case 'timestamp':
      return t('csv.expected.timestamp');
    case 'count':
      return t('csv.expected.count', { max: format.count(expected.max) });
    case 'model':
      return t('csv.expected.model', { max: format.count(expected.maxLength) });
    case 'one-of':
      return t('csv.expected.oneOf', { options: expected.options.join(', ') });
  }
}

export function problemText(problem: CsvProblem, words: Words): string {
  const { t, format } = words;
  switch (problem.code) {
    case 'file-too-large':
      return t('csv.problem.fileTooLarge', { size: megabytes(problem.limit, words) });
    case 'not-utf8':
      return t('csv.problem.notUtf8');
    case 'empty-file':
      return t('csv.problem.emptyFile');
    case 'unknown-column':
      return t('csv.problem.unknownColumn', { line: problem.line, column: problem.column });
    case 'duplicate-column':
      return t('csv.problem.duplicateColumn', { line: problem.line, column: problem.column });
    case 'missing-column':
      return t('csv.problem.missingColumn', { line: problem.line, column: problem.column });
    case 'unterminated-quote':
      return t('csv.problem.unterminatedQuote', { line: problem.line });
    case 'quote-in-unquoted-cell':
      return t('csv.problem.quoteInUnquotedCell', { line: problem.line });
    case 'text-after-quote':
      return t('csv.problem.textAfterQuote', { line: problem.line });
    case 'bare-cr':
      return t('csv.problem.bareCr', { line: problem.line });
    case 'cell-too-long':
      return t('csv.problem.cellTooLong', { line: problem.line, limit: format.count(problem.limit) });
    case 'wrong-cell-count':
      return t('csv.problem.wrongCellCount', { line: problem.line, found: problem.found, expected: problem.expected });
    case 'too-many-rows':
      return t('csv.problem.tooManyRows', { line: problem.line, limit: format.count(problem.limit) });
    case 'invalid-value':
      return t('csv.problem.invalidValue', {
        line: problem.line,
        column: problem.column,
        value: problem.value,
        expected: expectedText(problem.expected, words),
      });
    case 'duplicate-id':
      return t('csv.problem.duplicateId', { line: problem.line, first: problem.firstLine });
  }
}

type ExportState =
  | { step: 'idle' }
  | { step: 'running'; rows: number; total: number }
  | { step: 'done'; rows: number; fileName: string }
  | { step: 'stopped' }
  | { step: 'invalid-range' }
  | { step: 'failed' };

function ExportPanel() {
  const words = useWords();
  const { t, format } = words;
  const [scope, setScope] = useState<'all' | 'range'>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [bom, setBom] = useState(false);
  const [state, setState] = useState<ExportState>({ step: 'idle' });
  const running = useRef<AbortController | null>(null);

  const start = async (): Promise<void> => {
    let range: { from?: number; to?: number } = {};
    if (scope === 'range') {
      const first = localDayStart(from);
      const last = localDayStart(to);
      // The end day is included: up to the instant before the next local midnight.
      const end = last === null ? undefined : new Date(last).setDate(new Date(last).getDate() + 1) - 1;
      if (first !== null && end !== undefined && first > end) return setState({ step: 'invalid-range' });
      range = { ...(first === null ? {} : { from: first }), ...(end === undefined ? {} : { to: end }) };
    }
    const controller = new AbortController();
    running.current = controller;
    setState({ step: 'running', rows: 0, total: 0 });
    try {
      const { region } = await readSettings();
      const result = await exportCsv(await database(), {
        ...range,
        region,
        bom,
        signal: controller.signal,
        onProgress: ({ rows, total }) => setState({ step: 'running', rows, total }),
      });
      const fileName = csvFileName(Date.now(), range);
      download(result.parts, fileName);
      setState({ step: 'done', rows: result.rows, fileName });
    } catch {
      setState({ step: controller.signal.aborted ? 'stopped' : 'failed' });
    } finally {
      running.current = null;
    }
  };

  const busy = state.step === 'running';
  return (
    <section class="stack" aria-labelledby="csv-export-title" data-testid="csv-export">
      <h4 id="csv-export-title">{t('csv.exportTitle')}</h4>
      <p class="muted small">{t('csv.exportHelp')}</p>
      <fieldset class="stack" disabled={busy}>
        <label class="row">
          <input type="radio" name="csv-scope" checked={scope === 'all'} onChange={() => setScope('all')} data-testid="csv-scope-all" />
          {t('csv.scopeAll')}
        </label>
        <label class="row">
          <input type="radio" name="csv-scope" checked={scope === 'range'} onChange={() => setScope('range')} data-testid="csv-scope-range" />
          {t('csv.scopeRange')}
        </label>
        {scope === 'range' && (
          <div class="row">
            <label>
              {t('csv.from')}{' '}
              <input type="date" value={from} onInput={(event) => setFrom(event.currentTarget.value)} data-testid="csv-from" />
            </label>
            <label>
              {t('csv.to')}{' '}
              <input type="date" value={to} onInput={(event) => setTo(event.currentTarget.value)} data-testid="csv-to" />
            </label>
          </div>
        )}
        <label class="row">
          <input type="checkbox" checked={bom} onChange={(event) => setBom(event.currentTarget.checked)} data-testid="csv-bom" />
          {t('csv.bom')}
        </label>
      </fieldset>
      <p class="row">
        <button type="button" class="primary" onClick={() => void start()} disabled={busy} data-testid="csv-export-button">
          {t('csv.exportButton')}
        </button>
        {busy && (
          <button type="button" onClick={() => running.current?.abort()} data-testid="csv-export-stop">
            {t('csv.exportStop')}
          </button>
        )}
      </p>
      <div aria-live="polite" data-testid="csv-export-status">
        {state.step === 'running' && (
          <p class="stack">
            <progress max={Math.max(state.total, 1)} value={state.rows} />
            <span>{t('csv.exporting', { done: format.count(state.rows), total: format.count(state.total) })}</span>
          </p>
        )}
        {state.step === 'done' && (
          <p data-testid="csv-exported">
            {t('csv.exported', { prompts: t('common.prompts', state.rows, [format.count(state.rows)]), file: state.fileName })}
          </p>
        )}
        {state.step === 'stopped' && <p>{t('csv.exportStopped')}</p>}
        {state.step === 'invalid-range' && <p class="warning">{t('csv.rangeInvalid')}</p>}
        {state.step === 'failed' && <p class="warning">{t('csv.exportFailed')}</p>}
      </div>
    </section>
  );
}

type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; rows: number }
  | { step: 'refused'; problems: readonly CsvProblem[]; more: number }
  | { step: 'preview'; fileName: string; rows: readonly ImportRow[]; summary: ImportSummary }
  | { step: 'writing' }
  | { step: 'done'; summary: ImportSummary }
  | { step: 'failed' };

/** Conflicting lines listed in the preview; the count says how many there are in all. */
const CONFLICT_LINES_SHOWN = 10;

function Preview({ fileName, summary }: { fileName: string; summary: ImportSummary }) {
  const { t, format } = useWords();
  const conflictLines = summary.conflicts.slice(0, CONFLICT_LINES_SHOWN).map((conflict) => conflict.line);
  return (
    <div class="stack" data-testid="csv-preview">
      <p>
        <strong>{t('csv.previewTitle', { file: fileName })}</strong>
      </p>
      {summary.from === null || summary.to === null ? (
        <p>{t('csv.previewEmpty')}</p>
      ) : (
        <p data-testid="csv-preview-rows">
          {t('csv.previewRows', {
            prompts: t('common.prompts', summary.rows, [format.count(summary.rows)]),
            from: format.date(summary.from),
            to: format.date(summary.to),
          })}
        </p>
      )}
      {summary.sites.length > 0 && (
        <>
          <p>{t('csv.previewSites')}</p>
          <ul data-testid="csv-preview-sites">
            {summary.sites.map(({ site, rows }) => (
              <li key={site}>
                {siteName(site)}: {format.count(rows)}
              </li>
            ))}
          </ul>
        </>
      )}
      <ul data-testid="csv-preview-changes">
        <li data-testid="csv-preview-new">{t('csv.previewNew', { count: format.count(summary.added) })}</li>
        <li>{t('csv.previewPresent', { count: format.count(summary.alreadyPresent) })}</li>
        {summary.updated > 0 && <li>{t('csv.previewUpdated', { count: format.count(summary.updated) })}</li>}
        {summary.conflicts.length > 0 && (
          <li class="warning">
            {t('csv.previewConflicts', {
              count: format.count(summary.conflicts.length),
              lines: conflictLines.join(', ') + (summary.conflicts.length > CONFLICT_LINES_SHOWN ? '…' : ''),
            })}
          </li>
        )}
      </ul>
    </div>
  );
}

function ImportPanel() {
  const words = useWords();
  const { t, format } = words;
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  const reset = (next: ImportState): void => {
    if (fileInput.current) fileInput.current.value = '';
    setState(next);
  };

  const check = async (file: File): Promise<void> => {
    // Refused before reading a byte: a huge file would fill the page's memory.
    if (file.size > IMPORT_LIMITS.fileBytes) {
      return reset({ step: 'refused', problems: [{ code: 'file-too-large', limit: IMPORT_LIMITS.fileBytes }], more: 0 });
    }
    setState({ step: 'reading', rows: 0 });
    try {
      const reading = await readImport(new Uint8Array(await file.arrayBuffer()), {
        onProgress: (rows) => setState({ step: 'reading', rows }),
      });
      if (!reading.ok) return reset({ step: 'refused', problems: reading.problems, more: reading.moreProblems });
      const summary = await previewImport(await database(), reading.rows);
      setState({ step: 'preview', fileName: file.name, rows: reading.rows, summary });
    } catch {
      reset({ step: 'failed' });
    }
  };

  const confirm = async (rows: readonly ImportRow[]): Promise<void> => {
    setState({ step: 'writing' });
    try {
      const summary = await writeImport(await database(), rows);
      reset({ step: 'done', summary });
      window.dispatchEvent(new Event(HISTORY_CHANGED));
    } catch {
      reset({ step: 'failed' });
    }
  };

  const busy = state.step === 'reading' || state.step === 'writing';
  return (
    <section class="stack" aria-labelledby="csv-import-title" data-testid="csv-import">
      <h4 id="csv-import-title">{t('csv.importTitle')}</h4>
      <p class="muted small">{t('csv.importHelp')}</p>
      <label class="stack">
        <span>{t('csv.chooseFile')}</span>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void check(file);
          }}
          data-testid="csv-file"
        />
      </label>
      <div aria-live="polite" data-testid="csv-import-status">
        {state.step === 'reading' && <p>{t('csv.reading', { rows: format.count(state.rows) })}</p>}
        {state.step === 'writing' && <p>{t('csv.writing')}</p>}
        {state.step === 'done' && (
          <p data-testid="csv-imported">
            {t('csv.imported', {
              added: format.count(state.summary.added),
              updated: format.count(state.summary.updated),
              present: format.count(state.summary.alreadyPresent),
            })}
          </p>
        )}
        {state.step === 'failed' && <p class="warning">{t('csv.importFailed')}</p>}
      </div>
      {state.step === 'refused' && (
        <div role="alert" class="stack" data-testid="csv-problems">
          <p class="warning">{t('csv.refused')}</p>
          <ul>
            {state.problems.map((problem, index) => (
              <li key={index}>{problemText(problem, words)}</li>
            ))}
          </ul>
          {state.more > 0 && <p>{t('csv.moreProblems', state.more, [format.count(state.more)])}</p>}
        </div>
      )}
      {state.step === 'preview' && (
        <div class="stack">
          <Preview fileName={state.fileName} summary={state.summary} />
          <p class="row">
            <button
              type="button"
              class="primary"
              onClick={() => void confirm(state.rows)}
              disabled={state.rows.length === 0}
              data-testid="csv-import-confirm"
            >
              {t('csv.importButton')}
            </button>
            <button type="button" onClick={() => reset({ step: 'idle' })} data-testid="csv-import-cancel">
              {t('csv.importCancel')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}

export function ExportImport() {
  return (
    <div class="stack">
      <ExportPanel />
      <ImportPanel />
    </div>
  );
}
