import type { SourceId } from './sources';

/**
 * Electricity by region: life-cycle carbon intensity (location-based) and the
 * water consumed to generate it (off-site water). A prompt's CO2e is its
 * energy times the intensity of the grid that powered it: the provider's
 * hosting region by default, or the region a user picks.
 */
export interface GridRegion {
  readonly code: RegionCode;
  /** i18n key for the region's name; the UI owns the words. */
  readonly labelKey: string;
  /** Life-cycle gCO2e per kWh, 2024 generation (OWID/Ember, 2025 update). */
  readonly gCo2PerKwh: number;
  /** Litres of water consumed per kWh generated (EcoLogits, WRI method, 2025). */
  readonly waterLitresPerKwh: number;
  readonly sources: readonly SourceId[];
}

export const REGION_CODES = [
  'WORLD',
  'USA',
  'CAN',
  'FRA',
  'DEU',
  'GBR',
  'IRL',
  'ESP',
  'ITA',
  'NLD',
  'POL',
  'SWE',
  'NOR',
  'FIN',
  'IND',
  'CHN',
  'JPN',
] as const;
export type RegionCode = (typeof REGION_CODES)[number];

const GRID_SOURCES: readonly SourceId[] = ['owidEmber', 'ecologitsWater'];

function region(code: RegionCode, gCo2PerKwh: number, waterLitresPerKwh: number): GridRegion {
  return { code, labelKey: `region.${code.toLowerCase()}`, gCo2PerKwh, waterLitresPerKwh, sources: GRID_SOURCES };
}

/**
 * gCO2e/kWh: OWID/Ember life-cycle intensity, 2025 update (2024 data).
 * L/kWh: EcoLogits electricity_wue_list.csv (2025), except WORLD, which that
 * file lacks: 3.91 L/kWh is the world average EcoLogits documents (2025).
 */
export const GRID_REGIONS: Readonly<Record<RegionCode, GridRegion>> = {
  WORLD: region('WORLD', 473, 3.91),
  USA: region('USA', 384, 3.14),
  CAN: region('CAN', 175, 8.18),
  FRA: region('FRA', 44, 3.67),
  DEU: region('DEU', 344, 1.93),
  GBR: region('GBR', 211, 2.35),
  IRL: region('IRL', 280, 1.48),
  ESP: region('ESP', 146, 6.21),
  ITA: region('ITA', 288, 4.84),
  NLD: region('NLD', 253, 3.44),
  POL: region('POL', 615, 2.5),
  SWE: region('SWE', 36, 6.02),
  NOR: region('NOR', 31, 6.66),
  FIN: region('FIN', 72, 4.54),
  IND: region('IND', 708, 3.44),
  CHN: region('CHN', 560, 6.02),
  JPN: region('JPN', 482, 2.31),
};

/** The regions a user can choose from, in display order (world first). */
export const REGIONS: readonly GridRegion[] = REGION_CODES.map((code) => GRID_REGIONS[code]);

/** Accepts any case ("fra", "World"); null when the code is not in the table. */
export function parseRegion(code: string): RegionCode | null {
  const upper = code.trim().toUpperCase();
  return (REGION_CODES as readonly string[]).includes(upper) ? (upper as RegionCode) : null;
}
