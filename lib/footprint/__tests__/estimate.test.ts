import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSums, emptySums, KINDS, LIMITS, type MeasurementSums, SITE_IDS, SUM_FIELDS, TASKS } from '../../event';
import { type EstimateOptions, estimateGroup, type Footprint, type GroupKey } from '../estimate';
import { REGION_CODES } from '../grid';
import type { Range } from '../range';
import { ecologitsWhPerToken, gpusToHold, type Parameters, whPerAnswerToken } from '../text';

const MODELS = [
  null,
  'auto',
  'gpt-4o',
  'gpt-5-2-thinking',
  'claude-sonnet-4-5-20250929',
  '35609594dbe934d8',
  'deepseek-deepthink',
  'pplx_alpha',
  'grok-heavy',
  'meta-llama/llama-3.3-70b-instruct',
  'midjourney-v7',
  'gpt-image-1',
  'veo-3',
  'never-heard-of-it',
];

const keys: fc.Arbitrary<GroupKey> = fc.record({
  site: fc.constantFrom(...SITE_IDS, null),
  model: fc.oneof(fc.constantFrom(...MODELS), fc.string({ maxLength: 40 })),
  kind: fc.constantFrom(...KINDS),
  task: fc.constantFrom(...TASKS),
});

/** Sums as rollups hold them: from nothing to a day of prompts at the per-event limits. */
const sums: fc.Arbitrary<MeasurementSums> = fc
  .record({
    count: fc.integer({ min: 0, max: 1000 }),
    inputTokens: fc.integer({ min: 0, max: LIMITS.tokens }),
    outputTokens: fc.integer({ min: 0, max: LIMITS.tokens }),
    reasoningTokens: fc.integer({ min: 0, max: LIMITS.tokens }),
    images: fc.integer({ min: 0, max: LIMITS.images }),
    durationMs: fc.integer({ min: 0, max: LIMITS.durationMs }),
  })
  .map((drawn) => ({ ...emptySums(), ...drawn, inputTokensSq: drawn.inputTokens * drawn.inputTokens }));

const options: fc.Arbitrary<EstimateOptions> = fc.record({
  region: fc.constantFrom('provider' as const, ...REGION_CODES),
});

function ranges(footprint: Footprint): Range[] {
  const { energyWh, co2g, embodiedCo2g, waterMl } = footprint;
  return [energyWh, co2g, embodiedCo2g, waterMl.onSite, waterMl.offSite, waterMl.total];
}

function isOrderedAndFinite({ low, central, high }: Range): boolean {
  return [low, central, high].every((value) => Number.isFinite(value) && value >= 0) && low <= central && central <= high;
}

function closeTo(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe('estimateGroup properties', () => {
  it('gives finite, non-negative, ordered ranges for any key, sums, region', () => {
    fc.assert(
      fc.property(keys, sums, options, (key, drawn, chosen) => {
        expect(ranges(estimateGroup(key, drawn, chosen)).every(isOrderedAndFinite)).toBe(true);
      }),
    );
  });

  it('survives every sum at its largest plausible value and at zero', () => {
    const huge = { ...emptySums(), count: 1e6 };
    for (const field of ['inputTokens', 'outputTokens', 'reasoningTokens'] as const) huge[field] = LIMITS.tokens * 1e6;
    huge.inputTokensSq = LIMITS.tokens * LIMITS.tokens * 1e6;
    huge.images = LIMITS.images * 1e6;
    for (const site of [...SITE_IDS, null]) {
      for (const kind of KINDS) {
        for (const drawn of [huge, emptySums()]) {
          const estimate = estimateGroup({ site, model: null, kind, task: 'other' }, drawn);
          expect(ranges(estimate).every(isOrderedAndFinite), `${site} ${kind}`).toBe(true);
        }
      }
    }
  });

  it('treats corrupted sums as zero instead of spreading NaN or negatives', () => {
    const corrupted = { ...emptySums(), count: Number.NaN, outputTokens: -5, inputTokens: Number.POSITIVE_INFINITY };
    const estimate = estimateGroup({ site: 'chatgpt', model: 'gpt-4o', kind: 'text', task: 'chat' }, corrupted);
    expect(estimate.energyWh).toEqual({ low: 0, central: 0, high: 0 });
  });

  it('is linear: the estimate of two groups of sums is the sum of their estimates', () => {
    fc.assert(
      fc.property(keys, sums, sums, options, (key, a, b, chosen) => {
        const together = estimateGroup(key, addSums(addSums(emptySums(), a), b), chosen);
        const apart = [estimateGroup(key, a, chosen), estimateGroup(key, b, chosen)];
        const pairs = ranges(together).map((range, index) => [range, ranges(apart[0]!)[index]!, ranges(apart[1]!)[index]!]);
        for (const [whole, first, second] of pairs) {
          for (const end of ['low', 'central', 'high'] as const) {
            expect(closeTo(whole![end], first![end] + second![end])).toBe(true);
          }
        }
      }),
    );
  });

  it('rises with every kind of token and with images', () => {
    const growable = ['inputTokens', 'outputTokens', 'reasoningTokens', 'images'] as const;
    fc.assert(
      fc.property(keys, sums, fc.constantFrom(...growable), fc.integer({ min: 1, max: 100_000 }), (key, drawn, field, extra) => {
        const more = { ...drawn, [field]: drawn[field] + extra };
        if (field === 'inputTokens') more.inputTokensSq = more.inputTokens * more.inputTokens;
        const before = estimateGroup(key, drawn).energyWh;
        const after = estimateGroup(key, more).energyWh;
        for (const end of ['low', 'central', 'high'] as const) expect(after[end]).toBeGreaterThanOrEqual(before[end]);
      }),
    );
  });

  it('charges answer tokens strictly on every site, known model or not', () => {
    for (const site of [...SITE_IDS, null]) {
      for (const model of MODELS) {
        const key: GroupKey = { site, model, kind: 'text', task: 'chat' };
        const answer = { ...emptySums(), count: 1, outputTokens: 300 };
        expect(estimateGroup(key, answer).energyWh.low, `${site} ${model}`).toBeGreaterThan(0);
      }
    }
  });

  it('has a wider range for a model it cannot identify than for the site default it falls back to', () => {
    const prompt = { ...emptySums(), count: 1, inputTokens: 40, inputTokensSq: 1600, outputTokens: 400 };
    const spread = (model: string) => {
      const { low, high } = estimateGroup({ site: 'claude', model, kind: 'text', task: 'chat' }, prompt).energyWh;
      return high / low;
    };
    expect(spread('brand-new-claude')).toBeGreaterThan(spread('claude-sonnet-4-5-20250929'));
  });

  it('keeps energy and on-site water with the provider and moves CO2e and off-site water with the grid', () => {
    const key: GroupKey = { site: 'chatgpt', model: 'gpt-4o', kind: 'text', task: 'write' };
    const prompt = { ...emptySums(), count: 1, outputTokens: 500 };
    const france = estimateGroup(key, prompt, { region: 'FRA' });
    const poland = estimateGroup(key, prompt, { region: 'POL' });
    expect(france.energyWh).toEqual(poland.energyWh);
    expect(france.waterMl.onSite).toEqual(poland.waterMl.onSite);
    expect(france.co2g.central).toBeLessThan(poland.co2g.central);
    expect(france.gridRegion).toBe('FRA');
    expect(estimateGroup(key, prompt).gridRegion).toBe('USA');
  });
});

describe('energy per answer token', () => {
  const positive = fc.double({ min: 0.5, max: 4000, noNaN: true });

  it('rises with active parameters at every end', () => {
    fc.assert(
      fc.property(positive, positive, positive, (total, smaller, larger) => {
        const [a, b] = [Math.min(smaller, larger, total), Math.min(Math.max(smaller, larger), total)];
        const exact = (value: number): Range => ({ low: value, central: value, high: value });
        const params = (active: number): Parameters => ({ total: exact(total), active: exact(active) });
        const few = whPerAnswerToken(params(a));
        const many = whPerAnswerToken(params(b));
        for (const end of ['low', 'central', 'high'] as const) expect(many[end]).toBeGreaterThanOrEqual(few[end]);
      }),
    );
  });

  it('holds weights in 16-bit with 20% overhead on 80 GB GPUs, rounded up to a power of two (EcoLogits)', () => {
    expect([8, 70, 123, 440, 671, 2000].map(gpusToHold)).toEqual([1, 4, 4, 16, 32, 64]);
  });

  it('has EcoLogits as published for its high end on a large mixture of experts', () => {
    const gpt4o = whPerAnswerToken({ total: { low: 440, central: 440, high: 440 }, active: { low: 44, central: 88, high: 132 } });
    expect(gpt4o.high).toBe(ecologitsWhPerToken(132, 440));
    expect(gpt4o.central).toBeLessThan(gpt4o.high / 3);
  });

  it('rises with the memory a model needs, at the central and high ends', () => {
    const exact = (value: number): Range => ({ low: value, central: value, high: value });
    const small = whPerAnswerToken({ total: exact(100), active: exact(30) });
    const large = whPerAnswerToken({ total: exact(1000), active: exact(30) });
    expect(large.central).toBeGreaterThan(small.central);
    expect(large.high).toBeGreaterThan(small.high);
  });
});

describe('sum fields', () => {
  it('prices tokens, prompts and images, and nothing else', () => {
    // Characters, duration and statuses describe prompts but carry no energy of
    // their own. A field added to the contract must be priced here on purpose.
    const priced = new Set<string>();
    for (const kind of KINDS) {
      const key: GroupKey = { site: 'chatgpt', model: 'gpt-4o', kind, task: 'chat' };
      const baseline = estimateGroup(key, emptySums()).energyWh.central;
      for (const field of SUM_FIELDS) {
        const one = { ...emptySums(), [field]: 1000 };
        if (estimateGroup(key, one).energyWh.central !== baseline) priced.add(field);
      }
    }
    expect([...priced].sort()).toEqual(['count', 'images', 'inputTokens', 'inputTokensSq', 'outputTokens', 'reasoningTokens']);
  });
});
