import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { validMeasurement } from '../../capture/__tests__/fakes';
import type { Kind, Measurement, SiteId } from '../../event';
import { openFrugalDb, type FrugalDb } from '../../store/db';
import { storeMeasurements } from '../../store/events';
import { readRollups } from '../../store/rollups';
import { dayKey } from '../../time';
import { aggregate, type Group } from '../aggregate';
import { estimateEvent } from '../estimate';
import { MEDIA_FAMILIES } from '../media';
import { MODEL_ROWS } from '../models';
import { times, widen } from '../range';
import { resolveGroup, UNIDENTIFIED_WIDENING } from '../resolve';
import { SOURCES } from '../sources';

/**
 * The model ids the image-capable adapters report (as their own tests assert
 * them) must each price as a known media row, so that no image is priced as
 * an unknown model by accident.
 */
const REPORTED: [SiteId, string, Kind, string][] = [
  ['midjourney', 'midjourney-v7', 'image', 'midjourney'],
  ['midjourney', 'midjourney-v6.1', 'image', 'midjourney'],
  ['midjourney', 'niji-6', 'image', 'midjourney'],
  ['midjourney', 'midjourney', 'image', 'midjourney'],
  ['midjourney', 'midjourney-video-1.1', 'video', 'video-generic'],
  ['bing-image-creator', 'dalle', 'image', 'dall-e-3'],
  ['bing-image-creator', 'gpt4o', 'image', 'gpt-image'],
  ['bing-image-creator', 'maiimage1', 'image', 'mai-image'],
  ['bing-image-creator', 'maiimage2', 'image', 'mai-image'],
  ['bing-image-creator', 'sora', 'video', 'sora'],
  ['leonardo', 'phoenix/de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3', 'image', 'leonardo'],
  ['leonardo', 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3', 'image', 'leonardo'],
  ['leonardo', 'lucid-origin/7b592283-e8a7-4c5a-9ba6-d18c31f258b9', 'image', 'leonardo'],
  ['leonardo', 'flux-dev/b2614463-296c-462a-9586-aafdb8f00e36', 'image', 'flux'],
  ['leonardo', 'v1-5/ac614f96-1082-45bf-be9d-757f2d31c174', 'image', 'stable-diffusion'],
  ['leonardo', 'sdxl-1-0/aa77f04e-3eec-4034-9c07-d0f619684628', 'image', 'sdxl'],
  ['leonardo', 'leonardo-upscaler', 'image', 'leonardo'],
  ['leonardo', 'leonardo-motion', 'video', 'video-generic'],
  ['ideogram', 'ideogram-v3.1', 'image', 'ideogram'],
  ['ideogram', 'ideogram-auto', 'image', 'ideogram'],
  ['ideogram', 'ideogram-v2a-turbo', 'image', 'ideogram'],
  ['firefly', 'firefly', 'image', 'firefly'],
  ['firefly', 'firefly-image4-standard', 'image', 'firefly'],
  ['firefly', 'firefly-video', 'video', 'video-generic'],
  ['firefly', 'gemini-flash/nano-banana-2', 'image', 'gemini-image'],
  ['firefly', 'nano-banana-pro/nano-banana-2', 'image', 'gemini-image'],
  ['firefly', 'gpt-image/gpt-image-1.5', 'image', 'gpt-image'],
  ['firefly', 'flux/flux-1.1-pro', 'image', 'flux'],
  ['firefly', 'veo/3.1-fast-generate', 'video', 'veo'],
  ['firefly', 'sora/sora-2', 'video', 'sora'],
  ['firefly', 'kling/kling-o3-pro-t2v', 'video', 'video-generic'],
  ['grok', 'imagine-video-gen', 'video', 'video-generic'],
];

describe('image and video models the adapters report', () => {
  it.each(REPORTED)('%s %s (%s) prices as %s, identified', (site, model, kind, row) => {
    const resolved = resolveGroup(site, model, kind);
    expect(resolved.media?.row.id).toBe(row);
    expect(resolved.media?.row.kind).toBe(kind);
    expect(resolved.media?.identified).toBe(true);
    expect(resolved.media?.whPerItem).toEqual(MEDIA_FAMILIES[resolved.media!.row.family].whPerItem);
  });

  it.each<[SiteId, string]>([
    ['chatgpt', 'gpt-5-3'],
    ['gemini', '9ec249fc9ad08861'],
    ['copilot', 'copilot-smart'],
    ['grok', 'grok-4'],
  ])("prices a chat site's image by the site's image model, plus the chat model that asked for it (%s)", (site, model) => {
    const resolved = resolveGroup(site, model, 'image');
    expect(resolved.text?.row.kind).toBe('text');
    expect(resolved.media?.row.kind).toBe('image');
    expect(resolved.media?.identified).toBe(true);
  });

  it('prices an image model nobody knows as the site default, with its range pushed out', () => {
    for (const site of ['midjourney', 'leonardo', 'ideogram', 'firefly', 'bing-image-creator'] as const) {
      const resolved = resolveGroup(site, 'a-model-from-2030', 'image');
      const family = MEDIA_FAMILIES[resolved.media!.row.family];
      expect(resolved.media?.identified, site).toBe(false);
      expect(resolved.media?.whPerItem).toEqual(widen(family.whPerItem, UNIDENTIFIED_WIDENING));
    }
  });

  it('gives every media family a sourced, ordered range per image or clip', () => {
    for (const family of Object.values(MEDIA_FAMILIES)) {
      expect(family.sources.length, family.id).toBeGreaterThan(0);
      for (const source of family.sources) expect(SOURCES[source], source).toBeDefined();
      expect(family.whPerItem.low).toBeGreaterThan(0);
      expect(family.whPerItem.low).toBeLessThanOrEqual(family.whPerItem.central);
      expect(family.whPerItem.central).toBeLessThanOrEqual(family.whPerItem.high);
      expect(family.referencePixels === null).toBe(family.kind === 'video');
    }
    for (const row of MODEL_ROWS) if (row.kind !== 'text') expect(MEDIA_FAMILIES[row.family].kind, row.id).toBe(row.kind);
  });
});

describe('images in the totals the popup reads (rollups → aggregate)', () => {
  let db: FrugalDb;
  const AT = Date.UTC(2026, 10, 26, 12);
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openFrugalDb();
  });

  const imageJob = (n: number, images: number): Measurement =>
    validMeasurement({
      id: id(n),
      at: AT + n,
      kind: 'image',
      task: 'image',
      model: 'midjourney-v7',
      modelSource: 'request',
      inputChars: 60,
      inputTokens: 15,
      outputChars: 0,
      outputTokens: 0,
      images,
    });

  async function totals(): Promise<ReturnType<typeof aggregate>> {
    const groups: Group[] = (await readRollups(db, dayKey(AT), dayKey(AT))).map((rollup) => ({
      key: { site: rollup.site, model: rollup.model, kind: rollup.kind, task: rollup.task },
      sums: rollup,
    }));
    return aggregate(groups);
  }

  it('includes an image job in the total, priced per image by its media family, not as text', async () => {
    await storeMeasurements(db, 'chatgpt', [validMeasurement({ id: id(1), at: AT })]);
    await storeMeasurements(db, 'midjourney', [imageJob(2, 4)]);
    const result = await totals();
    const image = result.groups.find((group) => group.key.kind === 'image')!;
    expect(image.resolved.kind).toBe('image');
    expect(image.text).toBeNull();
    const midjourney = MEDIA_FAMILIES.diffusion.whPerItem;
    const pue = image.resolved.media!.hosting.pue;
    const expected = times({ low: midjourney.low * 4, central: midjourney.central * 4, high: midjourney.high * 4 }, pue);
    expect(image.energyWh.central).toBeCloseTo(expected.central, 9);
    expect(image.energyWh.high).toBeCloseTo(expected.high, 9);
    const text = result.groups.find((group) => group.key.kind === 'text')!;
    expect(result.total.energyWh.central).toBeCloseTo(text.energyWh.central + image.energyWh.central, 9);
    expect(result.bySite.find((entry) => entry.id === 'midjourney')?.footprint.energyWh.central).toBeCloseTo(image.energyWh.central, 9);
    expect(result.byModel.find((entry) => entry.id === 'midjourney')?.prompts).toBe(1);
  });

  it('adds up images across prompts exactly as the prompts one by one', async () => {
    const jobs = [imageJob(1, 4), imageJob(2, 1), imageJob(3, 8)];
    await storeMeasurements(db, 'midjourney', jobs);
    const result = await totals();
    const perEvent = jobs.reduce((sum, job) => sum + estimateEvent({ ...job, site: 'midjourney' }).energyWh.central, 0);
    expect(result.total.energyWh.central).toBeCloseTo(perEvent, 9);
    expect(result.total.energyWh.central).toBeCloseTo(13 * estimateEvent({ ...imageJob(9, 1), site: 'midjourney' }).energyWh.central, 9);
  });

  it('costs nothing for a refused job on an image site (no images, no chat model)', async () => {
    await storeMeasurements(db, 'midjourney', [validMeasurement({ ...imageJob(1, 0), status: 'error' })]);
    expect((await totals()).total.energyWh).toEqual({ low: 0, central: 0, high: 0 });
  });

  it('prices a video clip per clip, far above an image', async () => {
    await storeMeasurements(db, 'grok', [
      validMeasurement({ id: id(1), at: AT, kind: 'video', task: 'image', model: 'imagine-video-gen', images: 1, outputTokens: 0, outputChars: 0 }),
    ]);
    const video = (await totals()).groups[0]!;
    expect(video.media?.energyWh.low).toBeGreaterThanOrEqual(MEDIA_FAMILIES.video.whPerItem.low);
    expect(video.media?.energyWh.central).toBeGreaterThan(10 * MEDIA_FAMILIES['multimodal-llm'].whPerItem.central);
  });
});
