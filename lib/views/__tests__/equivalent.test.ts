import { describe, expect, it } from 'vitest';
import { EMPTY_FOOTPRINT, type Footprint } from '../../footprint';
import { exactly } from '../../footprint/range';
import { pickEquivalent } from '../equivalent';

function footprint(energyWh: number, co2g: number, waterMl: number): Footprint {
  return {
    energyWh: exactly(energyWh),
    co2g: exactly(co2g),
    embodiedCo2g: exactly(0),
    waterMl: { onSite: exactly(waterMl / 2), offSite: exactly(waterMl / 2), total: exactly(waterMl) },
  };
}

describe('pickEquivalent', () => {
  it('takes the largest unit that still counts at least one', () => {
    // 12 Wh: 1.2 LED-bulb hours, 5 teaspoons, 0.63 phone charges.
    expect(pickEquivalent(footprint(12, 4.2, 25))?.equivalent.id).toBe('led-bulb-hour');
    // 400 Wh: 3.6 litres boiled beats 21 phone charges and 40 bulb hours.
    expect(pickEquivalent(footprint(400, 150, 800))?.equivalent.id).toBe('kettle-boil');
  });

  it('takes the count closest to one when all are fractions', () => {
    // 0.3 Wh, 0.5 mL: a tenth of a teaspoon beats 0.03 LED-bulb hours.
    const pick = pickEquivalent(footprint(0.3, 0.1, 0.5));
    expect(pick?.equivalent.id).toBe('teaspoon');
    expect(pick?.count.central).toBeCloseTo(0.1);
  });

  it('has nothing to say about nothing', () => {
    expect(pickEquivalent(EMPTY_FOOTPRINT)).toBeNull();
  });
});
