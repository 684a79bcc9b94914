import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSums, emptySums, type Measurement, type SiteId, sumsOf, TASKS } from '../../event';
import { aggregate, type Group } from '../aggregate';
import { ALTERNATIVE_FOR_TASK, alternativesFor } from '../alternatives';
import { estimateEvent, estimateGroup, type GroupKey } from '../estimate';
import { equivalentsOf, EQUIVALENTS } from '../equivalents';
import type { Range } from '../range';

type Event = Measurement & { site: SiteId };

function event(site: SiteId, model: string | null, task: Measurement['task'], tokens: [number, number, number]): Event {
  const [inputTokens, outputTokens, reasoningTokens] = tokens;
  return {
    id: `${site}-${model}-${inputTokens}-${outputTokens}`,
    at: 0,
    site,
    kind: 'text',
    model,
    modelSource: 'response',
    task,
    inputChars: inputTokens * 4,
    outputChars: outputTokens * 4,
    reasoningChars: reasoningTokens * 4,
    inputTokens,
    outputTokens,
    reasoningTokens,
    images: 0,
    durationMs: 5000,
    status: 'complete',
    detector: 'network',
    adapterVersion: 1,
  };
}

const eventArbitrary: fc.Arbitrary<Event> = fc
  .record({
    site: fc.constantFrom<SiteId>('chatgpt', 'claude', 'gemini', 'perplexity', 'deepseek'),
    model: fc.constantFrom(null, 'gpt-4o', 'claude-sonnet-4-5-20250929', 'deepseek-chat', 'sonar'),
    task: fc.constantFrom(...TASKS),
    tokens: fc.tuple(fc.nat(20_000), fc.nat(3000), fc.nat(5000)),
  })
  .map(({ site, model, task, tokens }) => event(site, model, task, tokens));

function keyOf(item: Event): GroupKey {
  return { site: item.site, model: item.model, kind: item.kind, task: item.task };
}

/** Daily rollups in miniature: sums per key. */
function rollUp(events: readonly Event[]): Group[] {
  const groups = new Map<string, Group>();
  for (const item of events) {
    const id = JSON.stringify(keyOf(item));
    const group = groups.get(id) ?? { key: keyOf(item), sums: emptySums() };
    addSums(group.sums, sumsOf(item));
    groups.set(id, group);
  }
  return [...groups.values()];
}

function closeTo(a: Range, b: Range): boolean {
  return (['low', 'central', 'high'] as const).every(
    (end) => Math.abs(a[end] - b[end]) <= 1e-9 * Math.max(1, Math.abs(b[end])),
  );
}

describe('aggregate', () => {
  it('totals rollups exactly as it totals the prompts one by one', () => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { minLength: 1, maxLength: 40 }), (events) => {
        const fromRollups = aggregate(rollUp(events)).total;
        const fromEvents = aggregate(events.map((item) => ({ key: keyOf(item), sums: sumsOf(item) }))).total;
        let perEvent = { low: 0, central: 0, high: 0 };
        for (const item of events) {
          const { energyWh } = estimateEvent(item);
          perEvent = { low: perEvent.low + energyWh.low, central: perEvent.central + energyWh.central, high: perEvent.high + energyWh.high };
        }
        expect(closeTo(fromRollups.energyWh, fromEvents.energyWh)).toBe(true);
        expect(closeTo(fromRollups.energyWh, perEvent)).toBe(true);
        expect(closeTo(fromRollups.co2g, fromEvents.co2g)).toBe(true);
        expect(closeTo(fromRollups.waterMl.total, fromEvents.waterMl.total)).toBe(true);
      }),
    );
  });

  it('keeps the relative width of the range as prompts accumulate (lows add to lows)', () => {
    const one = event('chatgpt', 'gpt-4o', 'chat', [50, 500, 0]);
    const spread = (copies: number) => {
      const { total } = aggregate(Array.from({ length: copies }, () => ({ key: keyOf(one), sums: sumsOf(one) })));
      return total.energyWh.high / total.energyWh.low;
    };
    expect(spread(1000)).toBeCloseTo(spread(1), 9);
  });

  it('breaks the total down by site, model and task, each summing to the total', () => {
    const events = [
      event('chatgpt', 'gpt-4o', 'write', [40, 600, 0]),
      event('chatgpt', 'gpt-5-2-thinking', 'code', [300, 900, 400]),
      event('claude', 'claude-sonnet-4-5-20250929', 'code', [2000, 1200, 0]),
      event('perplexity', 'pplx_pro', 'lookup', [20, 300, 0]),
    ];
    const result = aggregate(rollUp(events));
    expect(result.prompts).toBe(4);
    for (const breakdown of [result.bySite, result.byModel, result.byTask]) {
      const central = breakdown.reduce((total, entry) => total + entry.footprint.energyWh.central, 0);
      expect(central).toBeCloseTo(result.total.energyWh.central, 9);
      const prompts = breakdown.reduce((total, entry) => total + entry.prompts, 0);
      expect(prompts).toBe(4);
    }
    expect(result.bySite.map((entry) => entry.id).sort()).toEqual(['chatgpt', 'claude', 'perplexity']);
    expect(result.byModel.map((entry) => entry.id).sort()).toEqual(['claude-sonnet', 'gpt-4o', 'gpt-5.2', 'sonar']);
    expect(result.byTask[0]?.footprint.energyWh.central).toBeGreaterThanOrEqual(
      result.byTask.at(-1)?.footprint.energyWh.central ?? 0,
    );
  });

  it('adds up the simpler tools for the same tasks', () => {
    const events = [event('chatgpt', 'gpt-4o', 'lookup', [20, 300, 0]), event('chatgpt', 'gpt-4o', 'translate', [60, 80, 0])];
    const result = aggregate(rollUp(events));
    const expected = events.map((item) => alternativesFor(keyOf(item), sumsOf(item)).energyWh.central);
    expect(result.alternatives.energyWh.central).toBeCloseTo(expected[0]! + expected[1]!, 12);
    expect(result.alternatives.energyWh.central).toBeLessThan(result.total.energyWh.central);
  });
});

describe('alternatives', () => {
  it('name a simpler tool for every task', () => {
    expect(Object.keys(ALTERNATIVE_FOR_TASK).sort()).toEqual([...TASKS].sort());
  });

  it('cost far less than a frontier chat answer for every task', () => {
    for (const task of TASKS) {
      const key: GroupKey = { site: 'chatgpt', model: 'gpt-4o', kind: 'text', task };
      const prompt = { ...emptySums(), count: 1, inputTokens: 50, inputTokensSq: 2500, outputTokens: 400 };
      const ai = estimateGroup(key, prompt).energyWh.central;
      expect(alternativesFor(key, prompt).energyWh.central, task).toBeLessThan(ai / 3);
    }
  });

  it('use the chosen region, or their own hosting when none is chosen', () => {
    const key: GroupKey = { site: 'chatgpt', model: 'gpt-4o', kind: 'text', task: 'write' };
    const prompt = { ...emptySums(), count: 1 };
    expect(alternativesFor(key, prompt).region).toBe('WORLD');
    expect(alternativesFor(key, prompt, { region: 'ESP' }).region).toBe('ESP');
    expect(alternativesFor({ ...key, task: 'lookup' }, prompt).region).toBe('USA');
  });
});

describe('equivalents', () => {
  it('turn a footprint into counts of everyday units, keeping its bounds', () => {
    const key: GroupKey = { site: 'gemini', model: null, kind: 'text', task: 'chat' };
    const estimate = estimateGroup(key, { ...emptySums(), count: 100, outputTokens: 40_000 });
    const charges = equivalentsOf(estimate).find((entry) => entry.equivalent.id === 'phone-charge');
    expect(charges?.count.central).toBeCloseTo(estimate.energyWh.central / EQUIVALENTS['phone-charge'].perUnit, 12);
    expect(charges?.count.low).toBeLessThan(charges?.count.high ?? 0);
  });

  it('boil a litre of water with about a tenth of a kWh, as physics says', () => {
    expect(EQUIVALENTS['kettle-boil'].perUnit).toBeGreaterThan(95);
    expect(EQUIVALENTS['kettle-boil'].perUnit).toBeLessThan(125);
  });
});
