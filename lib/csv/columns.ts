/**
 * The CSV columns. CONTRACT (the CSV columns of the design, documented in README "CSV format"):
 * people's spreadsheets and scripts rely on these names and this order, so
 * change them only on purpose, with a CHANGELOG entry.
 *
 * Raw columns are the stored measurements; import trusts only them. Derived
 * columns are estimates, recomputed with the current method on every export
 * and ignored on import (a file may leave them out).
 */

export const RAW_COLUMNS = [
  'id',
  'timestamp_utc',
  'site',
  'kind',
  'model',
  'model_source',
  'task',
  'input_chars',
  'output_chars',
  'reasoning_chars',
  'input_tokens',
  'output_tokens',
  'reasoning_tokens',
  'images',
  'duration_ms',
  'status',
] as const;
export type RawColumn = (typeof RAW_COLUMNS)[number];

export const DERIVED_COLUMNS = [
  'energy_wh_low',
  'energy_wh',
  'energy_wh_high',
  'co2_g_low',
  'co2_g',
  'co2_g_high',
  'water_ml_low',
  'water_ml',
  'water_ml_high',
  'grid_region',
  'method_version',
] as const;
export type DerivedColumn = (typeof DERIVED_COLUMNS)[number];

export type Column = RawColumn | DerivedColumn;

/** Export order. */
export const COLUMNS: readonly Column[] = [...RAW_COLUMNS, ...DERIVED_COLUMNS];

const KNOWN = new Set<string>(COLUMNS);

export function isColumn(name: string): name is Column {
  return KNOWN.has(name);
}
