import { REGION_CODES, type RegionCode } from '../footprint/grid';

/** ISO 3166 alpha-2 (what locales carry: "es-ES") to the grid table's alpha-3 codes, for the countries it has. */
const ALPHA2_TO_REGION: Readonly<Record<string, RegionCode>> = {
  US: 'USA',
  CA: 'CAN',
  FR: 'FRA',
  DE: 'DEU',
  GB: 'GBR',
  IE: 'IRL',
  ES: 'ESP',
  IT: 'ITA',
  NL: 'NLD',
  PL: 'POL',
  SE: 'SWE',
  NO: 'NOR',
  FI: 'FIN',
  IN: 'IND',
  CN: 'CHN',
  JP: 'JPN',
};

/** The countries a user can pick: every region of the table but the world average. */
export const COUNTRIES: readonly RegionCode[] = REGION_CODES.filter((code) => code !== 'WORLD');

/** The grid of the locale's country, when the table has it ("en-GB" → GBR). */
export function regionOfLocale(locale: string): RegionCode | null {
  try {
    const region = new Intl.Locale(locale).region;
    return (region && ALPHA2_TO_REGION[region]) || null;
  } catch {
    return null;
  }
}
