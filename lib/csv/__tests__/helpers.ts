import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import {
  DETECTORS,
  KINDS,
  LIMITS,
  MODEL_SOURCES,
  SITE_IDS,
  STATUSES,
  TASKS,
  addSums,
  emptySums,
  sumsOf,
  type MeasurementSums,
  type StoredEvent,
} from '../../event';
import { openFrugalDb, type FrugalDb } from '../../store/db';
import { importEvents } from '../../store/import';
import { exportCsv, type ExportOptions } from '../export';

/** Shared by the CSV tests: a fresh in-memory database, events to fill it, the export as text. */

export async function freshDb(): Promise<FrugalDb> {
  globalThis.indexedDB = new IDBFactory();
  return openFrugalDb();
}

export const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A quiet working day in 2026, well inside the accepted time span. */
export const AT = Date.UTC(2026, 2, 12, 9, 30, 15, 250);

export function storedEvent(overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    id: uuid(1),
    at: AT,
    site: 'chatgpt',
    kind: 'text',
    model: 'gpt-5-3',
    modelSource: 'response',
    task: 'chat',
    inputChars: 40,
    outputChars: 800,
    reasoningChars: 0,
    inputTokens: 10,
    outputTokens: 190,
    reasoningTokens: 0,
    images: 0,
    durationMs: 5200,
    status: 'complete',
    detector: 'network',
    adapterVersion: 3,
    ...overrides,
  };
}

/** Store events as a capture would have (detector and adapter version kept). */
export async function seed(db: FrugalDb, events: readonly StoredEvent[]): Promise<void> {
  await importEvents(db, events);
}

export async function exportText(db: FrugalDb, options: Partial<ExportOptions> = {}): Promise<string> {
  const { parts } = await exportCsv(db, { region: 'provider', ...options });
  return parts.join('');
}

const EARLIEST_AT = Date.UTC(2022, 10, 30);

/** Any event the capture schema accepts. */
export const anyEvent: fc.Arbitrary<StoredEvent> = fc.record({
  id: fc.uuid(),
  at: fc.integer({ min: EARLIEST_AT, max: Date.now() }),
  site: fc.constantFrom(...SITE_IDS),
  kind: fc.constantFrom(...KINDS),
  model: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9._:/+-]{0,79}$/), { nil: null }),
  modelSource: fc.constantFrom(...MODEL_SOURCES),
  task: fc.constantFrom(...TASKS),
  inputChars: fc.nat({ max: LIMITS.chars }),
  outputChars: fc.nat({ max: LIMITS.chars }),
  reasoningChars: fc.nat({ max: LIMITS.chars }),
  inputTokens: fc.nat({ max: LIMITS.tokens }),
  outputTokens: fc.nat({ max: LIMITS.tokens }),
  reasoningTokens: fc.nat({ max: LIMITS.tokens }),
  images: fc.nat({ max: LIMITS.images }),
  durationMs: fc.nat({ max: LIMITS.durationMs }),
  status: fc.constantFrom(...STATUSES),
  detector: fc.constantFrom(...DETECTORS),
  adapterVersion: fc.integer({ min: 1, max: LIMITS.adapterVersion }),
});

/** Events with distinct ids. */
export const anyEvents = (maxLength: number): fc.Arbitrary<StoredEvent[]> =>
  fc.uniqueArray(anyEvent, { maxLength, selector: (event) => event.id });

/** Sums of all events against sums of all rollups: they must always agree. */
export async function sumsOfStore(db: FrugalDb): Promise<{ events: MeasurementSums; rollups: MeasurementSums }> {
  const events = (await db.getAll('events')).reduce((sums, event) => addSums(sums, sumsOf(event)), emptySums());
  const rollups = (await db.getAll('rollups')).reduce((sums, rollup) => addSums(sums, rollup), emptySums());
  return { events, rollups };
}
