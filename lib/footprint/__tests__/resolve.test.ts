import { describe, expect, it } from 'vitest';
import { KINDS, SITE_IDS, type SiteId, sanitizeModelId } from '../../event';
import { ALIASES } from '../aliases';
import { MODEL_ROWS, modelRow } from '../models';
import { range } from '../range';
import { lookupModel, resolveGroup, tierOf, UNIDENTIFIED_WIDENING } from '../resolve';
import { SITE_PROFILES } from '../site-profiles';
import { widenParameters } from '../text';

describe('lookupModel maps what sites send onto registry rows', () => {
  it.each<[SiteId | null, string, string]>([
    // ChatGPT slugs, including the answering model after auto-routing
    ['chatgpt', 'gpt-5-2', 'gpt-5.2'],
    ['chatgpt', 'gpt-5-2-thinking', 'gpt-5.2'],
    ['chatgpt', 'gpt-5-2-instant', 'gpt-5.2'],
    ['chatgpt', 'gpt-5-3', 'gpt-5.3'],
    ['chatgpt', 'gpt-5-1-thinking', 'gpt-5'],
    ['chatgpt', 'gpt-5', 'gpt-5'],
    ['chatgpt', 'gpt-5-t-mini', 'gpt-5-mini'],
    ['chatgpt', 'gpt-5-pro', 'gpt-5-pro'],
    ['chatgpt', 'gpt-5-2-pro', 'gpt-5-pro'],
    ['chatgpt', 'gpt-4o', 'gpt-4o'],
    ['chatgpt', 'gpt-4o-mini', 'gpt-4o-mini'],
    ['chatgpt', 'gpt-4-1', 'gpt-4.1'],
    ['chatgpt', 'o3', 'o3'],
    ['chatgpt', 'o4-mini-high', 'o4-mini'],
    ['chatgpt', 'gpt-image-1', 'gpt-image'],
    // Claude API ids with dates
    ['claude', 'claude-sonnet-4-5-20250929', 'claude-sonnet'],
    ['claude', 'claude-3-7-sonnet-20250219', 'claude-sonnet'],
    ['claude', 'claude-opus-4-1-20250805', 'claude-opus-4'],
    ['claude', 'claude-opus-4-5-20251101', 'claude-opus-4.5'],
    ['claude', 'claude-haiku-4-5-20251001', 'claude-haiku'],
    // Gemini's header ids and names
    ['gemini', '35609594dbe934d8', 'gemini-flash'],
    ['gemini', '2525e3954d185b3c', 'gemini-2.5-pro'],
    ['gemini', 'e6fa609c3fa255c0', 'gemini-3-pro'],
    ['gemini', '56fdd199312815e2', 'gemini-3-flash'],
    ['gemini', '8c46e95b1a07cecc', 'gemini-flash-lite'],
    [null, 'gemini-2.5-flash', 'gemini-flash'],
    [null, 'gemini-2.5-flash-image', 'gemini-image'],
    [null, 'imagen-4', 'imagen'],
    // DeepSeek adapter ids, with and without DeepThink
    ['deepseek', 'deepseek-chat', 'deepseek-v3'],
    ['deepseek', 'deepseek-deepthink', 'deepseek-v3'],
    // Perplexity preferences (stored without underscores)
    ['perplexity', 'pplx_pro', 'sonar'],
    ['perplexity', 'turbo', 'sonar'],
    ['perplexity', 'pplx_alpha', 'perplexity-deep-research'],
    ['perplexity', 'claude45sonnetthinking', 'claude-sonnet'],
    ['perplexity', 'gpt52_thinking', 'gpt-5.2'],
    ['perplexity', 'r1', 'deepseek-v3'],
    ['perplexity', 'kimik2thinking', 'kimi-k2'],
    ['perplexity', 'gpt45', 'gpt-4.5'],
    ['perplexity', 'gpt41', 'gpt-4.1'],
    ['perplexity', 'grok4', 'grok-4'],
    ['chatgpt', 'gpt-4-5', 'gpt-4.5'],
    [null, 'gpt-4.5-preview', 'gpt-4.5'],
    [null, 'gpt-4-0613', 'gpt-4'],
    ['huggingchat', 'openai/gpt-oss-120b', 'gpt-oss-120b'],
    [null, 'gpt-oss-20b', 'gpt-oss-20b'],
    // Grok modes and response names
    ['grok', 'grok-auto', 'grok-4'],
    ['grok', 'grok-expert', 'grok-4'],
    ['grok', 'grok-heavy', 'grok-heavy'],
    ['grok', 'grok-4', 'grok-4'],
    // Copilot modes
    ['copilot', 'copilot-smart', 'gpt-5'],
    ['copilot', 'copilot-reasoning', 'gpt-5'],
    // Le Chat, Poe, HuggingChat, Meta
    ['mistral', 'mistral-large-latest', 'mistral-large'],
    ['mistral', 'mistral-medium-2508', 'mistral-medium'],
    ['poe', 'claude-sonnet-4.5', 'claude-sonnet'],
    ['poe', 'gpt-4o', 'gpt-4o'],
    ['poe', 'gpt_5', 'gpt-5'],
    ['poe', 'claude_3_igloo', 'claude-sonnet'],
    ['poe', 'dalle3', 'dall-e-3'],
    ['gemini', '9ec249fc9ad08861', 'gemini-flash'],
    ['gemini', 'fbb127bbb056c959', 'gemini-3-flash'],
    ['grok', 'grok-4-auto', 'grok-4'],
    ['grok', 'grok-3', 'grok-4'],
    ['grok', 'imagine-video-gen', 'video-generic'],
    ['deepseek', 'deepseek-v3.2', 'deepseek-v3'],
    ['huggingchat', 'coherelabs/command-a-translate-08-2025', 'command-a'],
    ['huggingchat', 'meta-llama/llama-4-maverick-17b-128e-instruct', 'llama-4-maverick'],
    ['huggingchat', 'deepseek-ai/deepseek-r1', 'deepseek-v3'],
    // Image and video models
    ['midjourney', 'midjourney-v7', 'midjourney'],
    ['ideogram', 'ideogram-v3', 'ideogram'],
    ['firefly', 'firefly-image-4', 'firefly'],
    ['bing-image-creator', 'dall-e-3', 'dall-e-3'],
    [null, 'flux.1-dev', 'flux'],
    [null, 'stable-diffusion-xl-base-1.0', 'sdxl'],
    [null, 'sora-2', 'sora'],
    [null, 'veo-3', 'veo'],
  ])('%s %s -> %s', (site, model, row) => {
    expect(lookupModel(site, model)?.row.id).toBe(row);
  });

  it('reads the size from open-model ids it has no line for', () => {
    const dense = lookupModel('huggingchat', 'meta-llama/llama-3.3-70b-instruct');
    expect(dense?.match).toBe('size-in-name');
    expect(dense?.row.kind === 'text' && dense.row.params.active.central).toBe(70);
    const moe = lookupModel('huggingchat', 'qwen/qwen3-235b-a22b-instruct');
    expect(moe?.row.kind === 'text' && [moe.row.params.total.central, moe.row.params.active.central]).toEqual([
      235, 22,
    ]);
    const distilled = lookupModel('huggingchat', 'deepseek-ai/deepseek-r1-distill-qwen-32b');
    expect(distilled?.row.kind === 'text' && distilled.row.params.total.central).toBe(32);
  });

  it('prices gpt-oss as the mixture of experts its model card describes, not by the size in its name', () => {
    const big = lookupModel('huggingchat', 'openai/gpt-oss-120b');
    expect(big?.match).toBe('pattern');
    expect(big?.row.kind === 'text' && [big.row.params.total.central, big.row.params.active.central]).toEqual([117, 5.1]);
    const small = lookupModel(null, 'openai/gpt-oss-20b');
    expect(small?.row.kind === 'text' && [small.row.params.total.central, small.row.params.active.central]).toEqual([21, 3.6]);
  });

  it('matches ids in any case and spacing, as the capture stores them', () => {
    expect(lookupModel('chatgpt', 'GPT-4o')?.row.id).toBe('gpt-4o');
    expect(lookupModel('perplexity', 'PPLX_PRO')?.row.id).toBe('sonar');
  });

  it('keeps site-specific ids to their site', () => {
    expect(lookupModel('perplexity', 'turbo')?.row.id).toBe('sonar');
    expect(lookupModel('chatgpt', 'turbo')).toBeNull();
    expect(lookupModel('gemini', '35609594dbe934d8')?.row.id).toBe('gemini-flash');
    expect(lookupModel('claude', '35609594dbe934d8')).toBeNull();
  });

  it('knows nothing of ids nobody sends', () => {
    expect(lookupModel('chatgpt', 'auto')).toBeNull();
    expect(lookupModel('chatgpt', null)).toBeNull();
    expect(lookupModel(null, 'zebra-9000')).toBeNull();
  });
});

describe('resolveGroup', () => {
  it('resolves every site and kind, with or without a known model, and never throws', () => {
    for (const site of [...SITE_IDS, null]) {
      for (const kind of KINDS) {
        for (const model of [null, 'auto', 'gpt-4o', 'midjourney-v7', 'something-new']) {
          const resolved = resolveGroup(site, model, kind);
          if (kind === 'text') expect(resolved.text?.row.kind).toBe('text');
          else expect(resolved.media?.row.kind).toBe(kind);
        }
      }
    }
  });

  it('prices an unknown model as the site default with bounds pushed out', () => {
    const known = resolveGroup('chatgpt', 'gpt-5-2', 'text').text;
    const unknown = resolveGroup('chatgpt', 'auto', 'text').text;
    expect(unknown?.row.id).toBe(SITE_PROFILES.chatgpt.defaultText);
    expect(unknown?.identified).toBe(false);
    expect(unknown?.params.active.high).toBeCloseTo((known?.params.active.high ?? 0) * UNIDENTIFIED_WIDENING);
    expect(unknown?.params.active.low).toBeCloseTo((known?.params.active.low ?? 0) / UNIDENTIFIED_WIDENING);
  });

  it('adds the chat model around an image drawn on a chat site, but not on an image site', () => {
    const chatgpt = resolveGroup('chatgpt', 'gpt-5-2', 'image');
    expect(chatgpt.media?.row.id).toBe('gpt-image');
    expect(chatgpt.media?.identified).toBe(true);
    expect(chatgpt.text?.row.id).toBe('gpt-5.2');
    const midjourney = resolveGroup('midjourney', 'midjourney-v7', 'image');
    expect(midjourney.text).toBeNull();
    expect(midjourney.media?.row.id).toBe('midjourney');
  });

  it('widens the generic chat row once, to the span METHODOLOGY.md gives (22-264B active, 220-880B total)', () => {
    const generic = resolveGroup(null, 'zebra-9000', 'text').text!;
    expect(generic.row.id).toBe('llm-generic');
    expect(generic.params.active).toEqual(range(22, 88, 264));
    expect(generic.params.total).toEqual(range(220, 440, 880));
    const row = modelRow('llm-generic');
    expect(row.kind === 'text' && widenParameters(row.params, UNIDENTIFIED_WIDENING)).toEqual(generic.params);
  });

  it('falls back to generic rows when neither site nor id helps', () => {
    expect(resolveGroup(null, 'zebra-9000', 'text').text?.match).toBe('fallback');
    expect(resolveGroup(null, null, 'image').media?.row.id).toBe('image-generic');
    expect(resolveGroup(null, null, 'video').media?.identified).toBe(false);
  });
});

describe('hosting follows the site that serves an open model', () => {
  it.each<[SiteId | null, string, string, string]>([
    // DeepSeek serves its own app from China; Perplexity and HuggingChat serve the same weights in the USA.
    ['deepseek', 'deepseek-deepthink', 'china', 'CHN'],
    [null, 'deepseek-reasoner', 'china', 'CHN'],
    ['perplexity', 'r1', 'aws', 'USA'],
    ['perplexity', 'r1-1776', 'aws', 'USA'],
    ['perplexity', 'pplx_reasoning', 'aws', 'USA'],
    ['huggingchat', 'deepseek-ai/deepseek-r1', 'unknown', 'USA'],
    ['huggingchat', 'deepseek-ai/deepseek-v3.1', 'unknown', 'USA'],
    ['perplexity', 'kimik2thinking', 'aws', 'USA'],
    // Models a site relays to their maker's API keep their maker's hosting.
    ['perplexity', 'gpt45', 'azure', 'USA'],
    ['perplexity', 'claude45sonnet', 'anthropic', 'USA'],
    ['perplexity', 'gemini30pro', 'google', 'USA'],
    // Mistral's open models stay in Sweden on Le Chat.
    ['mistral', 'mistral-small-latest', 'mistral', 'SWE'],
  ])('%s %s runs on %s (%s)', (site, model, hosting, region) => {
    const resolved = resolveGroup(site, model, 'text').text!;
    expect(resolved.hosting.id).toBe(hosting);
    expect(resolved.hosting.region).toBe(region);
  });

  it('applies to open image models on an image site that runs them itself', () => {
    expect(resolveGroup('leonardo', 'sdxl-1-0/aa77f04e-3eec-4034-9c07-d0f619684628', 'image').media?.hosting.id).toBe('aws');
    expect(resolveGroup('leonardo', 'flux-dev/b2614463-296c-462a-9586-aafdb8f00e36', 'image').media?.hosting.id).toBe('aws');
    expect(resolveGroup(null, 'flux.1-dev', 'image').media?.hosting.id).toBe('unknown');
    expect(resolveGroup('bing-image-creator', 'dalle', 'image').media?.hosting.id).toBe('azure');
  });

  it('points every site hosting at a profile, and only sites that serve open models name one', () => {
    const hosts = Object.values(SITE_PROFILES).filter((profile) => profile.openModelHosting !== undefined);
    expect(hosts.map((profile) => [profile.site, profile.openModelHosting])).toEqual([
      ['perplexity', 'aws'],
      ['huggingchat', 'unknown'],
      ['leonardo', 'aws'],
    ]);
  });
});

describe('tiers', () => {
  it.each<[string, string]>([
    ['gpt-4o-mini', 'small'],
    ['gpt-oss-120b', 'small'],
    ['sonar', 'mid'],
    ['gpt-4o', 'mid'],
    ['gemini-3-pro', 'large'],
    ['gpt-4', 'very-large'],
  ])('%s is %s', (id, tier) => {
    const row = MODEL_ROWS.find((candidate) => candidate.id === id)!;
    expect(row.kind === 'text' && tierOf(row.params)).toBe(tier);
  });
});

describe('registry integrity', () => {
  it('has unique row ids', () => {
    const ids = MODEL_ROWS.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has active parameters within total parameters at every end', () => {
    for (const row of MODEL_ROWS) {
      if (row.kind !== 'text') continue;
      for (const end of ['low', 'central', 'high'] as const) {
        expect(row.params.active[end], row.id).toBeGreaterThan(0);
        expect(row.params.active[end], row.id).toBeLessThanOrEqual(row.params.total[end]);
      }
    }
  });

  it('points every site default at a row of the right kind', () => {
    for (const profile of Object.values(SITE_PROFILES)) {
      const rows = new Map(MODEL_ROWS.map((row) => [row.id as string, row]));
      if (profile.defaultText) expect(rows.get(profile.defaultText)?.kind).toBe('text');
      expect(rows.get(profile.defaultImage)?.kind).toBe('image');
      expect(rows.get(profile.defaultVideo)?.kind).toBe('video');
    }
  });

  it('lists each id and pattern once per site, so no line is silently dead', () => {
    const keys = ALIASES.map((alias) => {
      const match = typeof alias.match === 'string' ? sanitizeModelId(alias.match) : String(alias.match);
      return `${alias.site ?? '*'} ${match}`;
    });
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});
