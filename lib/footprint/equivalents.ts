import type { Footprint } from './estimate';
import { type Range, scale } from './range';
import type { SourceId } from './sources';

/** Everyday quantities to say how big a footprint is. Each is one unit of energy, CO2e or water. */
export interface Equivalent {
  readonly id: EquivalentId;
  /** i18n key; the UI owns the words and plurals. */
  readonly labelKey: string;
  readonly basis: 'energyWh' | 'co2g' | 'waterMl';
  /** Amount of the basis in one unit (Wh, g CO2e or mL). */
  readonly perUnit: number;
  readonly sources: readonly SourceId[];
  readonly note: string;
}

export const EQUIVALENT_IDS = ['phone-charge', 'led-bulb-hour', 'kettle-boil', 'car-km', 'teaspoon', 'shower'] as const;
export type EquivalentId = (typeof EQUIVALENT_IDS)[number];

/** Heating 1 litre from 15 °C to boiling: 4.18 J/(g·K) x 1000 g x 85 K, in Wh. */
const BOIL_ONE_LITRE_WH = (4.18 * 1000 * 85) / 3600;
/** Share of a kettle's electricity that reaches the water [I]: lids, element losses. */
const KETTLE_EFFICIENCY = 0.9;
/** EPA: a typical passenger vehicle emits about 400 g CO2 per mile (2024). */
const CAR_G_PER_MILE = 400;
const KM_PER_MILE = 1.609344;

export const EQUIVALENTS: Readonly<Record<EquivalentId, Equivalent>> = {
  'phone-charge': {
    id: 'phone-charge',
    labelKey: 'equivalent.phone-charge',
    basis: 'energyWh',
    // EPA (2024 revision): 0.019 kWh per full smartphone charge, charger losses included.
    perUnit: 19,
    sources: ['epaEquivalencies'],
    note: 'A full smartphone charge.',
  },
  'led-bulb-hour': {
    id: 'led-bulb-hour',
    labelKey: 'equivalent.led-bulb-hour',
    basis: 'energyWh',
    // A 10 W LED replaces a 60 W incandescent bulb (LEDs use at least 75% less energy, US DOE).
    perUnit: 10,
    sources: ['doeLed'],
    note: 'One hour of a 10 W LED bulb.',
  },
  'kettle-boil': {
    id: 'kettle-boil',
    labelKey: 'equivalent.kettle-boil',
    basis: 'energyWh',
    perUnit: BOIL_ONE_LITRE_WH / KETTLE_EFFICIENCY,
    sources: ['waterHeat', 'frugalAssumption'],
    note: 'Boiling one litre of water in an electric kettle (about 110 Wh).',
  },
  'car-km': {
    id: 'car-km',
    labelKey: 'equivalent.car-km',
    basis: 'co2g',
    perUnit: CAR_G_PER_MILE / KM_PER_MILE,
    sources: ['epaEquivalencies'],
    note: 'One kilometre in a typical petrol passenger car (about 250 g CO2).',
  },
  teaspoon: {
    id: 'teaspoon',
    labelKey: 'equivalent.teaspoon',
    basis: 'waterMl',
    // A metric teaspoon is 5 mL; OpenAI described 0.32 mL as "one fifteenth of a teaspoon" (2025).
    perUnit: 5,
    sources: ['openai2025'],
    note: 'A teaspoon of water.',
  },
  shower: {
    id: 'shower',
    labelKey: 'equivalent.shower',
    basis: 'waterMl',
    // EPA WaterSense: an average shower uses 17.2 gallons (65 litres).
    perUnit: 65_000,
    sources: ['epaWaterSense'],
    note: 'An average shower.',
  },
};

export interface EquivalentCount {
  readonly equivalent: Equivalent;
  /** How many units the footprint amounts to, with the footprint's own bounds. */
  readonly count: Range;
}

function basisOf(footprint: Footprint, basis: Equivalent['basis']): Range {
  return basis === 'waterMl' ? footprint.waterMl.total : footprint[basis];
}

export function equivalentsOf(footprint: Footprint): EquivalentCount[] {
  return EQUIVALENT_IDS.map((id) => {
    const equivalent = EQUIVALENTS[id];
    return { equivalent, count: scale(basisOf(footprint, equivalent.basis), 1 / equivalent.perUnit) };
  });
}
