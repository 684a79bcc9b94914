import * as v from 'valibot';
import {
  DETECTORS,
  KINDS,
  LIMITS,
  MODEL_ID_PATTERN,
  MODEL_SOURCES,
  STATUSES,
  TASKS,
  type Measurement,
} from '../event';

/**
 * The one check every measurement passes, twice: in the relay (it came from the
 * page, which can forge anything) and in the background (it came from a content
 * script); CSV import uses it too. Unknown keys, unknown enum values,
 * non-integers, negatives and values past LIMITS are all rejected.
 *
 * Hand-written rather than valibot: this runs in the content script, where
 * valibot's runtime cost 5.6 kB minified of a 30 kB budget, for one flat record
 * of 17 fields. Extension pages that compose schemas (CSV import) get the same
 * checks as a valibot schema, `MeasurementSchema`, which content scripts
 * never import (the annotation lets the bundler drop it).
 */

/** Earliest plausible timestamp: ChatGPT's public launch (2022-11-30). */
const EARLIEST_AT = Date.UTC(2022, 10, 30);
/** Clocks drift; a day ahead is allowed, more is a forged or broken timestamp. */
const CLOCK_SKEW_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Check = (value: unknown) => boolean;

const count =
  (max: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;
const oneOf =
  (allowed: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value);

const FIELDS: Record<keyof Measurement, Check> = {
  id: (value) => typeof value === 'string' && UUID.test(value),
  at: (value) =>
    Number.isInteger(value) && (value as number) >= EARLIEST_AT && (value as number) <= Date.now() + CLOCK_SKEW_MS,
  kind: oneOf(KINDS),
  model: (value) =>
    value === null ||
    (typeof value === 'string' && value.length <= LIMITS.modelLength && MODEL_ID_PATTERN.test(value)),
  modelSource: oneOf(MODEL_SOURCES),
  task: oneOf(TASKS),
  inputChars: count(LIMITS.chars),
  outputChars: count(LIMITS.chars),
  reasoningChars: count(LIMITS.chars),
  inputTokens: count(LIMITS.tokens),
  outputTokens: count(LIMITS.tokens),
  reasoningTokens: count(LIMITS.tokens),
  images: count(LIMITS.images),
  durationMs: count(LIMITS.durationMs),
  status: oneOf(STATUSES),
  detector: oneOf(DETECTORS),
  adapterVersion: (value) => count(LIMITS.adapterVersion)(value) && (value as number) >= 1,
};
const FIELD_NAMES = Object.keys(FIELDS) as (keyof Measurement)[];

/** The name of the first field that fails, or null when `input` is a valid measurement. */
export function measurementProblem(input: unknown): string | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'not an object';
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!(key in FIELDS)) return `unknown field ${key.slice(0, 40)}`;
  for (const name of FIELD_NAMES) if (!FIELDS[name](record[name])) return name;
  return null;
}

/** A copy of the measurement if `input` is a valid one, else null. */
export function parseMeasurement(input: unknown): Measurement | null {
  if (measurementProblem(input) !== null) return null;
  const record = input as Record<string, unknown>;
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, record[name]])) as unknown as Measurement;
}

/** The same field checks as a valibot schema, for extension pages that compose schemas. */
export const MeasurementSchema = /* @__PURE__ */ measurementSchema();

function measurementSchema() {
  const entries = Object.fromEntries(FIELD_NAMES.map((name) => [name, v.custom(FIELDS[name], `invalid ${name}`)]));
  return v.strictObject(entries as unknown as Record<keyof Measurement, v.GenericSchema>);
}
