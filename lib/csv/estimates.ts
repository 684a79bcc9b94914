import { emptySums, type MeasurementSums, SUM_FIELDS, type StoredEvent, sumsOf } from '../event';
import { estimateGroup, type GroupKey, type Range, type RegionCode } from '../footprint';
import type { ExportRegion } from './rows';

/**
 * Estimates for many events, fast enough for a 100,000-row export.
 *
 * lib/footprint/estimate.ts guarantees that a group's estimate is linear in
 * its measurement sums, with coefficients fixed by the key (site, model,
 * kind, task) and the options; that is what lets the popup total rollups. So
 * for each key seen, the estimate of every sum field alone (a unit vector) is
 * computed once with the model itself, and an event's estimate is the sum of
 * those times its own sums: the same numbers as estimateEvent to rounding
 * (the test compares them), without resolving the model id again per event.
 */

export interface EventEstimate {
  readonly energyWh: Range;
  readonly co2g: Range;
  /** On-site plus off-site water. */
  readonly waterMl: Range;
  readonly gridRegion: RegionCode;
}

/** The nine figures, in CSV order: energy, CO2e and water, each low, central, high. */
const FIGURES = 9;

interface KeyCoefficients {
  /** Row f holds the nine figures of one unit of SUM_FIELDS[f]. */
  readonly perUnit: Float64Array;
  readonly gridRegion: RegionCode;
}

function figuresOf(estimate: { energyWh: Range; co2g: Range; waterMl: { total: Range } }): number[] {
  const { energyWh, co2g } = estimate;
  const water = estimate.waterMl.total;
  return [energyWh.low, energyWh.central, energyWh.high, co2g.low, co2g.central, co2g.high, water.low, water.central, water.high];
}

export class EventEstimator {
  private readonly byKey = new Map<string, KeyCoefficients>();

  constructor(private readonly region: ExportRegion) {}

  private coefficients(event: StoredEvent): KeyCoefficients {
    const name = `${event.site}\u0000${event.model ?? ''}\u0000${event.kind}\u0000${event.task}`;
    let found = this.byKey.get(name);
    if (!found) {
      const key: GroupKey = { site: event.site, model: event.model, kind: event.kind, task: event.task };
      const perUnit = new Float64Array(SUM_FIELDS.length * FIGURES);
      let gridRegion: RegionCode = 'WORLD';
      SUM_FIELDS.forEach((field, row) => {
        const unit: MeasurementSums = { ...emptySums(), [field]: 1 };
        const estimate = estimateGroup(key, unit, { region: this.region });
        perUnit.set(figuresOf(estimate), row * FIGURES);
        gridRegion = estimate.gridRegion;
      });
      found = { perUnit, gridRegion };
      this.byKey.set(name, found);
    }
    return found;
  }

  estimate(event: StoredEvent): EventEstimate {
    const { perUnit, gridRegion } = this.coefficients(event);
    const sums = sumsOf(event);
    const figures = new Float64Array(FIGURES);
    SUM_FIELDS.forEach((field, row) => {
      const amount = sums[field];
      if (amount === 0) return;
      for (let figure = 0; figure < FIGURES; figure += 1) figures[figure]! += perUnit[row * FIGURES + figure]! * amount;
    });
    const range = (start: number): Range => ({ low: figures[start]!, central: figures[start + 1]!, high: figures[start + 2]! });
    return { energyWh: range(0), co2g: range(3), waterMl: range(6), gridRegion };
  }
}
