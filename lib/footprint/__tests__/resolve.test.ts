import { describe, expect, it } from 'vitest';
import { KINDS, SITE_IDS, type SiteId, sanitizeModelId } from '../../event';
import { ALIASES } from '../aliases';
import { MODEL_ROWS } from '../models';
import { lookupModel, resolveGroup, UNIDENTIFIED_WIDENING } from '../resolve';
import { SITE_PROFILES } from '../site-profiles';

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

  it('falls back to generic rows when neither site nor id helps', () => {
    expect(resolveGroup(null, 'zebra-9000', 'text').text?.match).toBe('fallback');
    expect(resolveGroup(null, null, 'image').media?.row.id).toBe('image-generic');
    expect(resolveGroup(null, null, 'video').media?.identified).toBe(false);
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
