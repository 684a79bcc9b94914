import type { SiteId, StoredEvent } from '../event';
import type { FrugalDb } from '../store/db';
import { importEvents, type MergeOutcome, planImport } from '../store/import';
import type { CsvProblem } from './problems';
import { readCsv } from './reader';
import { type HeaderLayout, readEventRecord, readHeader } from './rows';
import { yieldToPage } from './yield';

/**
 * Import in two steps: read and check the whole file (nothing is written
 * unless every row is valid), show a preview, then write every row in one
 * transaction (lib/store/import.ts). Only the raw columns are read; the
 * estimates and method version in the file are ignored and recomputed, so a
 * file from any method version imports.
 */

export interface ImportLimits {
  readonly fileBytes: number;
  readonly rows: number;
  readonly cellChars: number;
  readonly problemsShown: number;
}

export const IMPORT_LIMITS: ImportLimits = {
  /**
   * An export of 250,000 events is about 75 MB (about 300 bytes a row, with
   * long model names); a heavy user (100 prompts a day for five years) has ~180,000.
   */
  fileBytes: 100 * 1024 * 1024,
  rows: 250_000,
  /** The longest valid cell is a model id (80 characters); headroom for the derived ones. */
  cellChars: 256,
  /** Past this many the list stops helping: fix these first. */
  problemsShown: 100,
};

/** Rows checked between two pauses for the page. */
const ROWS_PER_CHUNK = 2_000;

export interface ImportRow {
  readonly line: number;
  readonly event: StoredEvent;
}

export type ImportReading =
  | { readonly ok: true; readonly rows: readonly ImportRow[] }
  | { readonly ok: false; readonly problems: readonly CsvProblem[]; readonly moreProblems: number };

export interface ReadOptions {
  readonly onProgress?: (rowsRead: number) => void;
  readonly signal?: AbortSignal;
  /** Tests lower them to reach them cheaply. */
  readonly limits?: Partial<ImportLimits>;
}

/** The file's text if it is small enough and valid UTF-8 (a leading BOM is dropped). */
export function decodeImport(bytes: Uint8Array, fileBytes = IMPORT_LIMITS.fileBytes): string | CsvProblem {
  if (bytes.byteLength > fileBytes) return { code: 'file-too-large', limit: fileBytes };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { code: 'not-utf8' };
  }
}

class ProblemList {
  readonly shown: CsvProblem[] = [];
  more = 0;
  constructor(private readonly limit: number) {}
  add(...problems: CsvProblem[]): void {
    for (const problem of problems) {
      if (this.shown.length < this.limit) this.shown.push(problem);
      else this.more += 1;
    }
  }
  get empty(): boolean {
    return this.shown.length === 0;
  }
}

function isBlank(cells: readonly string[]): boolean {
  return cells.length === 1 && cells[0] === '';
}

/** Read and check a whole file; rows come back only if every one is valid. */
export async function readImport(bytes: Uint8Array, options: ReadOptions = {}): Promise<ImportReading> {
  const text = decodeImport(bytes, options.limits?.fileBytes);
  if (typeof text !== 'string') return { ok: false, problems: [text], moreProblems: 0 };
  return readImportText(text, options);
}

export async function readImportText(text: string, options: ReadOptions = {}): Promise<ImportReading> {
  const limits: ImportLimits = { ...IMPORT_LIMITS, ...options.limits };
  // A string's length counts UTF-16 units, never more than its UTF-8 bytes.
  if (text.length > limits.fileBytes) {
    return { ok: false, problems: [{ code: 'file-too-large', limit: limits.fileBytes }], moreProblems: 0 };
  }
  const problems = new ProblemList(limits.problemsShown);
  const rows: ImportRow[] = [];
  const firstLineOfId = new Map<string, number>();
  let layout: HeaderLayout | null = null;
  let sinceYield = 0;
  let dataRecords = 0;

  for (const item of readCsv(text, limits.cellChars)) {
    if (++sinceYield >= ROWS_PER_CHUNK) {
      sinceYield = 0;
      options.onProgress?.(rows.length);
      await yieldToPage();
      options.signal?.throwIfAborted();
    }
    if ('problem' in item) {
      problems.add(item.problem);
      // Without a readable header no row can be checked.
      if (!layout) break;
      continue;
    }
    const { line, cells } = item.record;
    if (isBlank(cells)) continue;
    if (!layout) {
      const header = readHeader(cells, line);
      if (Array.isArray(header)) {
        problems.add(...header);
        break;
      }
      layout = header;
      continue;
    }
    if (++dataRecords > limits.rows) {
      problems.add({ code: 'too-many-rows', line, limit: limits.rows });
      break;
    }
    const read = readEventRecord(cells, line, layout);
    if ('problems' in read) {
      problems.add(...read.problems);
      continue;
    }
    const firstLine = firstLineOfId.get(read.event.id);
    if (firstLine !== undefined) {
      problems.add({ code: 'duplicate-id', line, firstLine });
      continue;
    }
    firstLineOfId.set(read.event.id, line);
    rows.push({ line, event: read.event });
  }

  if (!layout && problems.empty) problems.add({ code: 'empty-file' });
  if (!problems.empty) return { ok: false, problems: problems.shown, moreProblems: problems.more };
  options.onProgress?.(rows.length);
  return { ok: true, rows };
}

export interface ImportSummary {
  readonly rows: number;
  /** Earliest and latest start time (epoch ms); null for a file with no rows. */
  readonly from: number | null;
  readonly to: number | null;
  /** Rows per site, most first. */
  readonly sites: readonly { readonly site: SiteId; readonly rows: number }[];
  /** New to this browser. */
  readonly added: number;
  /** Stored, and the file has a more complete measurement of it. */
  readonly updated: number;
  /** Stored already, as complete as in the file (or more). */
  readonly alreadyPresent: number;
  /** Ids stored with another site or start time: the stored event is kept. */
  readonly conflicts: readonly { readonly line: number; readonly id: string }[];
}

function summarise(rows: readonly ImportRow[], outcomes: readonly MergeOutcome[]): ImportSummary {
  let from: number | null = null;
  let to: number | null = null;
  const perSite = new Map<SiteId, number>();
  const counts: Record<MergeOutcome, number> = { add: 0, update: 0, keep: 0, conflict: 0 };
  const conflicts: { line: number; id: string }[] = [];
  rows.forEach(({ line, event }, index) => {
    from = from === null ? event.at : Math.min(from, event.at);
    to = to === null ? event.at : Math.max(to, event.at);
    perSite.set(event.site, (perSite.get(event.site) ?? 0) + 1);
    const outcome = outcomes[index]!;
    counts[outcome] += 1;
    if (outcome === 'conflict') conflicts.push({ line, id: event.id });
  });
  const sites = [...perSite].map(([site, count]) => ({ site, rows: count })).sort((a, b) => b.rows - a.rows || a.site.localeCompare(b.site));
  return {
    rows: rows.length,
    from,
    to,
    sites,
    added: counts.add,
    updated: counts.update,
    alreadyPresent: counts.keep,
    conflicts,
  };
}

/** What importing these rows would do, without writing. */
export async function previewImport(db: FrugalDb, rows: readonly ImportRow[]): Promise<ImportSummary> {
  return summarise(rows, await planImport(db, rows.map((row) => row.event)));
}

/**
 * Write every row, all or nothing, and say what was done. The store may have
 * changed since the preview (a capture in another tab): these counts are the
 * ones that count.
 */
export async function writeImport(db: FrugalDb, rows: readonly ImportRow[]): Promise<ImportSummary> {
  return summarise(rows, await importEvents(db, rows.map((row) => row.event)));
}
