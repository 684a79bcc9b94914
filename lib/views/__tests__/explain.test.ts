import { describe, expect, it } from 'vitest';
import { estimateEvent } from '../../footprint';
import { explainEvent } from '../explain';
import { sampleHistory } from './sample-history';

const NOW = new Date(2026, 10, 26, 15).getTime();
const events = sampleHistory({ now: NOW, days: 30 });

describe('explainEvent', () => {
  it('splits the energy into parts that add up to the estimate, for every kind of prompt', () => {
    for (const event of events.slice(0, 120)) {
      const explanation = explainEvent(event, { region: 'FRA' });
      const total = estimateEvent(event, { region: 'FRA' }).energyWh;
      for (const end of ['low', 'central', 'high'] as const) {
        const parts = explanation.terms.reduce((sum, term) => sum + term.energyWh[end], 0);
        expect(parts).toBeCloseTo(total[end], 10);
      }
      expect(explanation.grid.code).toBe('FRA');
    }
  });

  it('names the model, its hosting and the sources behind the numbers', () => {
    const thinking = events.find((event) => event.model === 'gpt-5-2-thinking' && event.reasoningTokens > 0)!;
    const explanation = explainEvent(thinking);
    expect(explanation.text?.row.id).toBe('gpt-5.2');
    expect(explanation.terms.map((term) => term.field)).toEqual(['count', 'inputTokens', 'inputTokensSq', 'outputTokens', 'reasoningTokens']);
    expect(explanation.hosting.id).toBe('azure');
    expect(explanation.grid.code).toBe('USA');
    expect(explanation.sources.map((entry) => entry.id)).toEqual(expect.arrayContaining(['ecologitsModels', 'owidEmber']));
  });

  it('prices an image by the images it made, on the media model', () => {
    const image = events.find((event) => event.kind === 'image' && event.images > 0)!;
    const explanation = explainEvent(image);
    expect(explanation.media).not.toBeNull();
    expect(explanation.terms.some((term) => term.field === 'images' && term.amount === image.images)).toBe(true);
  });
});
