import type { SiteId } from '../event';
import type { HostingId } from './hosting';
import type { RowId } from './models';
import { exactly, range, type Range } from './range';
import type { ContextAssumption } from './text';

/**
 * What each site adds around the model: the model it uses when it does not
 * say which, the context it feeds the model besides the user's prompt, and
 * how much of the model's reasoning it shows. All hidden-context figures are
 * Frugal assumptions [I], reasoned in METHODOLOGY.md; they are expressed in
 * uncached-equivalent tokens because providers cache system prompts and
 * earlier turns, which then cost about a tenth of a fresh token.
 */
export interface SiteProfile extends ContextAssumption {
  readonly site: SiteId;
  /** The row for text when the site names no model, or one we do not know. Null on image-only sites. */
  readonly defaultText: RowId | null;
  readonly defaultImage: RowId;
  readonly defaultVideo: RowId;
  /**
   * Where the site runs the open-weight models it serves itself. Such a row
   * (ModelRow.openWeights) then follows the site's hosting, not its maker's:
   * DeepSeek R1 on Perplexity runs in Perplexity's US data centres, not in
   * China. Models the site relays to their maker's API (GPT, Claude, Gemini)
   * keep their own hosting. Absent: every row keeps its own.
   */
  readonly openModelHosting?: HostingId;
  readonly note: string;
}

/**
 * Chat sites keep a system prompt (often thousands of tokens, cached) and the
 * conversation so far (cached after the first turn).
 */
const CHAT_CONTEXT: Range = range(300, 1000, 3000);
/**
 * ChatGPT, Gemini, Claude, Copilot and Grok show a summary of the model's
 * thinking, not the thinking itself. No provider publishes the ratio; we
 * assume the hidden trace is 2-10 times the summary shown (central 5).
 */
const SUMMARISED_REASONING: Range = range(2, 5, 10);
/** DeepSeek, HuggingChat and Le Chat stream the whole reasoning trace. */
const FULL_REASONING: Range = exactly(1);
/** Image-only sites run no chat model around the prompt. */
const NO_CONTEXT: Range = exactly(0);

function chatSite(
  site: SiteId,
  defaults: Pick<SiteProfile, 'defaultText' | 'defaultImage' | 'defaultVideo'>,
  hiddenContextTokens: Range,
  hiddenReasoningFactor: Range,
  note: string,
  openModelHosting?: HostingId,
): SiteProfile {
  return { site, ...defaults, hiddenContextTokens, hiddenReasoningFactor, note, ...(openModelHosting && { openModelHosting }) };
}

function imageSite(
  site: SiteId,
  defaultImage: RowId,
  note: string,
  defaultVideo: RowId = 'video-generic',
  openModelHosting?: HostingId,
): SiteProfile {
  return {
    site,
    defaultText: null,
    defaultImage,
    defaultVideo,
    hiddenContextTokens: NO_CONTEXT,
    hiddenReasoningFactor: FULL_REASONING,
    note,
    ...(openModelHosting && { openModelHosting }),
  };
}

export const SITE_PROFILES: Readonly<Record<SiteId, SiteProfile>> = {
  chatgpt: chatSite(
    'chatgpt',
    { defaultText: 'gpt-5.2', defaultImage: 'gpt-image', defaultVideo: 'sora' },
    CHAT_CONTEXT,
    SUMMARISED_REASONING,
    'Auto routing: the answering model is usually reported; "auto" alone is priced as the GPT-5.2 default, widened.',
  ),
  claude: chatSite(
    'claude',
    { defaultText: 'claude-sonnet', defaultImage: 'image-generic', defaultVideo: 'video-generic' },
    // Claude's published system prompts run to several thousand tokens before tools.
    range(500, 1500, 5000),
    SUMMARISED_REASONING,
    'Extended thinking is summarised beyond a short length; Claude makes no images itself.',
  ),
  gemini: chatSite(
    'gemini',
    { defaultText: 'gemini-3-flash', defaultImage: 'gemini-image', defaultVideo: 'veo' },
    CHAT_CONTEXT,
    SUMMARISED_REASONING,
    'Flash is the default model of the Gemini app.',
  ),
  copilot: chatSite(
    'copilot',
    { defaultText: 'gpt-5', defaultImage: 'gpt-image', defaultVideo: 'video-generic' },
    // Copilot grounds many answers in Bing results, which arrive as fresh input.
    range(800, 2500, 8000),
    SUMMARISED_REASONING,
    'Copilot modes (chat, reasoning, smart) run OpenAI GPT-5 models on Azure since 2025 [I].',
  ),
  perplexity: chatSite(
    'perplexity',
    { defaultText: 'sonar', defaultImage: 'image-generic', defaultVideo: 'video-generic' },
    // Every Perplexity answer reads retrieved web results: 5-10 sources of a few hundred tokens each.
    range(2000, 5000, 12_000),
    SUMMARISED_REASONING,
    'Always searches the web; the retrieved pages are hidden input to every answer.',
    // Perplexity serves Sonar and the open models it offers (its R1 1776, Kimi K2) itself, on AWS in the USA [I].
    'aws',
  ),
  deepseek: chatSite(
    'deepseek',
    { defaultText: 'deepseek-v3', defaultImage: 'image-generic', defaultVideo: 'video-generic' },
    range(200, 800, 3000),
    FULL_REASONING,
    'DeepThink streams its whole reasoning trace, which is measured directly.',
  ),
  mistral: chatSite(
    'mistral',
    { defaultText: 'mistral-medium', defaultImage: 'flux', defaultVideo: 'video-generic' },
    CHAT_CONTEXT,
    FULL_REASONING,
    'Le Chat draws images with FLUX (Black Forest Labs) and shows Magistral\'s full reasoning.',
  ),
  grok: chatSite(
    'grok',
    { defaultText: 'grok-4', defaultImage: 'aurora', defaultVideo: 'video-generic' },
    // Grok searches X and the web for many answers.
    range(500, 2000, 6000),
    SUMMARISED_REASONING,
    'Modes map to the undisclosed Grok 4 family; Heavy runs several agents.',
  ),
  meta: chatSite(
    'meta',
    { defaultText: 'llama-4-maverick', defaultImage: 'emu', defaultVideo: 'video-generic' },
    CHAT_CONTEXT,
    SUMMARISED_REASONING,
    'Meta AI runs Llama 4; images come from Emu ("Imagine").',
  ),
  poe: chatSite(
    'poe',
    { defaultText: 'gpt-4o-mini', defaultImage: 'image-generic', defaultVideo: 'video-generic' },
    range(200, 800, 3000),
    SUMMARISED_REASONING,
    'Poe relays many providers\' bots; an unknown bot falls back to a small default, widened.',
  ),
  huggingchat: chatSite(
    'huggingchat',
    { defaultText: 'llama-4-scout', defaultImage: 'image-generic', defaultVideo: 'video-generic' },
    range(100, 500, 2000),
    FULL_REASONING,
    'Open models whose ids usually state their size; reasoning traces are shown in full.',
    // Hugging Face's inference providers, mostly in the USA, publish no efficiency figures: industry spans.
    'unknown',
  ),
  midjourney: imageSite('midjourney', 'midjourney', 'A job usually renders a grid of four images.'),
  'bing-image-creator': imageSite(
    'bing-image-creator',
    'dall-e-3',
    'Bing Image Creator offers DALL-E 3, GPT-4o and MAI-Image-1 (2025-26); its Video Creator runs Sora.',
    'sora',
  ),
  leonardo: imageSite(
    'leonardo',
    'leonardo',
    'Model ids are Leonardo\'s UUIDs with the architecture; unknown ones are priced as its own diffusion models, widened.',
    'video-generic',
    // Leonardo runs its Stable Diffusion fine-tunes and FLUX models on its own AWS servers.
    'aws',
  ),
  ideogram: imageSite('ideogram', 'ideogram', 'Ideogram\'s own diffusion models.'),
  firefly: imageSite('firefly', 'firefly', 'Adobe Firefly also relays partner models, priced by their own rows when named.'),
};

/** A model id looked up without a site (the CLI): a bare API call, with no hidden context. */
export const NO_SITE_CONTEXT: ContextAssumption = {
  hiddenContextTokens: exactly(0),
  hiddenReasoningFactor: exactly(1),
};
