import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateEvent, REGION_CODES } from '../../footprint';
import { EventEstimator } from '../estimates';
import { anyEvent } from './helpers';

/** Equal to floating-point rounding: the sums are added in another order. */
function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-12);
}

describe('EventEstimator', () => {
  it('gives what estimateEvent gives, for any event and grid', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { minLength: 1, maxLength: 20 }), fc.constantFrom('provider' as const, ...REGION_CODES), (events, region) => {
        const estimator = new EventEstimator(region);
        for (const event of events) {
          const ours = estimator.estimate(event);
          const model = estimateEvent(event, { region });
          expect(ours.gridRegion).toBe(model.gridRegion);
          for (const [mine, theirs] of [
            [ours.energyWh, model.energyWh],
            [ours.co2g, model.co2g],
            [ours.waterMl, model.waterMl.total],
          ] as const) {
            for (const end of ['low', 'central', 'high'] as const) {
              expect(close(mine[end], theirs[end]), `${end}: ${mine[end]} vs ${theirs[end]}`).toBe(true);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
