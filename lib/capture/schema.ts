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
 * The one schema every measurement passes, twice: in the relay (it came from the
 * page, which can forge anything) and in the background (it came from a content
 * script). Unknown keys, unknown enum values, non-integers, negatives and values
 * past LIMITS are all rejected.
 */

/** Earliest plausible timestamp: ChatGPT's public launch (2022-11-30). */
const EARLIEST_AT = Date.UTC(2022, 10, 30);
/** Clocks drift; a day ahead is allowed, more is a forged or broken timestamp. */
const CLOCK_SKEW_MS = 86_400_000;

const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));

export const MeasurementSchema = v.strictObject({
  id: v.pipe(v.string(), v.uuid()),
  at: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(EARLIEST_AT),
    v.check((at) => at <= Date.now() + CLOCK_SKEW_MS, 'timestamp in the future'),
  ),
  kind: v.picklist(KINDS),
  model: v.nullable(v.pipe(v.string(), v.maxLength(LIMITS.modelLength), v.regex(MODEL_ID_PATTERN))),
  modelSource: v.picklist(MODEL_SOURCES),
  task: v.picklist(TASKS),
  inputChars: count(LIMITS.chars),
  outputChars: count(LIMITS.chars),
  reasoningChars: count(LIMITS.chars),
  inputTokens: count(LIMITS.tokens),
  outputTokens: count(LIMITS.tokens),
  reasoningTokens: count(LIMITS.tokens),
  images: count(LIMITS.images),
  durationMs: count(LIMITS.durationMs),
  status: v.picklist(STATUSES),
  detector: v.picklist(DETECTORS),
  adapterVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.adapterVersion)),
});

/** The measurement if `input` is a valid one, else null. */
export function parseMeasurement(input: unknown): Measurement | null {
  const result = v.safeParse(MeasurementSchema, input);
  return result.success ? result.output : null;
}
