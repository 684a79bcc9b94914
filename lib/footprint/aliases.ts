import type { SiteId } from '../event';
import type { RowId } from './models';
import type { SourceId } from './sources';

/**
 * How the ids sites send map onto registry rows. To support a new site or
 * model, add one line: an exact id (written as the site sends it; it is
 * sanitised like stored ids) or a pattern over the stored form, which is
 * lower case with spaces turned into dashes and other punctuation dropped
 * ("Claude Sonnet 4.5" is stored as "claude-sonnet-4.5"). `site`
 * restricts a line to one site, for ids that mean something only there
 * (Grok modes, Perplexity preferences, Gemini's hex ids).
 *
 * Lookup order: exact ids for the site, exact ids for any site, patterns for
 * the site, patterns for any site (each list in the order written, so put
 * the more specific pattern first), then a size stated in the id, then the
 * site's default row, widened.
 */
export interface Alias {
  readonly match: string | RegExp;
  readonly row: RowId;
  readonly site?: SiteId;
  readonly source?: SourceId;
  readonly note?: string;
}

const GEMINI_IDS: SourceId = 'geminiWebIds2025';
const PERPLEXITY_IDS: SourceId = 'perplexityIds2026';
/** Model UUIDs listed in Leonardo's API guides (docs.leonardo.ai, 2025-26). */
const LEONARDO_IDS: SourceId = 'leonardoModels2026';

export const ALIASES: readonly Alias[] = [
  // --- ChatGPT slugs ---
  { match: 'gpt-5-t-mini', row: 'gpt-5-mini', site: 'chatgpt', note: 'ChatGPT "Thinking mini".' },
  { match: /^gpt-5([.-][0-9])?-pro\b/, row: 'gpt-5-pro' },
  { match: /^gpt-5[.-]3\b/, row: 'gpt-5.3' },
  { match: /^gpt-5[.-]2\b/, row: 'gpt-5.2' },
  { match: /^gpt-5-mini\b/, row: 'gpt-5-mini' },
  { match: /^gpt-5-nano\b/, row: 'gpt-5-nano' },
  { match: /^gpt[-_]?5\b/, row: 'gpt-5', note: 'GPT-5 and GPT-5.1, Instant or Thinking (Poe calls it gpt_5).' },
  { match: /^(gpt-4[.-]1|gpt-4o)-(mini|nano)\b/, row: 'gpt-4o-mini', note: 'GPT-4.1 mini/nano have no estimate: priced as GPT-4o mini.' },
  { match: /^gpt-4[.-]1\b/, row: 'gpt-4.1' },
  { match: /^gpt-4[.-]5\b/, row: 'gpt-4.5', note: 'GPT-4.5 (ChatGPT gpt-4-5, API gpt-4.5-preview); checked before GPT-4, whose pattern takes gpt-4-5.' },
  { match: /^(chatgpt-)?gpt-?4o\b/, row: 'gpt-4o' },
  { match: /^gpt-4(-turbo)?(-\d+)?$/, row: 'gpt-4' },
  { match: /^o[134]-mini\b/, row: 'o4-mini' },
  { match: /^o[13](-pro|-preview)?\b/, row: 'o3' },
  { match: /^(gpt-image|chatgpt-image)/, row: 'gpt-image' },
  { match: /^dall-?e-?3/, row: 'dall-e-3' },
  { match: /^sora/, row: 'sora' },
  // --- Claude ---
  { match: /^claude-opus-4[.-][5-9]\b/, row: 'claude-opus-4.5' },
  { match: /^claude-(opus-4|4-opus|3-opus)/, row: 'claude-opus-4', note: 'Claude 3 Opus has no estimate: priced as Opus 4.' },
  { match: /^claude-(sonnet-4|4-sonnet|3[.-][57]-sonnet|3[.-]5-sonnet)/, row: 'claude-sonnet' },
  { match: /^claude-(haiku-4|3[.-]5-haiku|3-haiku)/, row: 'claude-haiku', note: 'Older Haiku models are priced as Haiku 4.5.' },
  // --- Gemini: web ids from the x-goog-ext-525001261-jspb header ---
  { match: 'f299729663a2343f', row: 'gemini-flash', site: 'gemini', source: GEMINI_IDS, note: '2.0 Flash.' },
  { match: '7ca48d02d802f20a', row: 'gemini-flash', site: 'gemini', source: GEMINI_IDS, note: '2.0 Flash Thinking.' },
  { match: '9c17b1863f581b8a', row: 'gemini-flash', site: 'gemini', source: GEMINI_IDS, note: '2.0 Flash Thinking (earlier id).' },
  { match: 'f8f8f5ea629f5d37', row: 'gemini-flash', site: 'gemini', source: GEMINI_IDS, note: '2.0 Flash Thinking with apps.' },
  { match: '35609594dbe934d8', row: 'gemini-flash', site: 'gemini', source: GEMINI_IDS, note: '2.5 Flash.' },
  { match: '2525e3954d185b3c', row: 'gemini-2.5-pro', site: 'gemini', source: GEMINI_IDS, note: '2.5 Pro.' },
  { match: '203e6bb81620bcfe', row: 'gemini-2.5-pro', site: 'gemini', source: GEMINI_IDS, note: '2.5 experimental advanced.' },
  { match: '9d8ca3786ebdfbea', row: 'gemini-3-pro', site: 'gemini', source: GEMINI_IDS, note: '3 Pro (free tier).' },
  { match: 'e6fa609c3fa255c0', row: 'gemini-3-pro', site: 'gemini', source: GEMINI_IDS, note: '3 Pro (AI Pro plan).' },
  { match: 'fbb127bbb056c959', row: 'gemini-3-flash', site: 'gemini', source: GEMINI_IDS, note: '3 Flash (free tier).' },
  { match: '56fdd199312815e2', row: 'gemini-3-flash', site: 'gemini', source: GEMINI_IDS, note: '3 Flash (AI Pro plan).' },
  { match: '5bf011840784117a', row: 'gemini-3-flash', site: 'gemini', source: GEMINI_IDS, note: '3 Flash Thinking (free tier).' },
  { match: 'e051ce1aa80aa576', row: 'gemini-3-flash', site: 'gemini', source: GEMINI_IDS, note: '3 Flash Thinking (AI Pro plan).' },
  { match: '8c46e95b1a07cecc', row: 'gemini-flash-lite', site: 'gemini', source: GEMINI_IDS, note: 'Flash-Lite.' },
  // Ids that name a slot ("Fast", "Thinking") rather than a model: clients label them differently over time.
  { match: '9ec249fc9ad08861', row: 'gemini-flash', site: 'gemini', source: GEMINI_IDS, note: '"Fast" slot: 2.5 Flash in 2025 clients, 3 Flash in some 2026 ones.' },
  { match: '4af6c7f5da75d65d', row: 'gemini-2.5-pro', site: 'gemini', source: GEMINI_IDS, note: '2.5 Pro in 2025 clients, "3 Flash Thinking" in some 2026 ones.' },
  // --- Gemini and Google by name ---
  { match: /^(gemini-[0-9.]+-(flash|pro)-image|nano-banana)/, row: 'gemini-image' },
  { match: /^gemini-[0-9.]+-flash-lite/, row: 'gemini-flash-lite' },
  { match: /^gemini-3(\.\d)?-flash/, row: 'gemini-3-flash' },
  { match: /^gemini-3(\.\d)?-pro/, row: 'gemini-3-pro' },
  { match: /^gemini-2[.-]5-pro/, row: 'gemini-2.5-pro' },
  { match: /^gemini-2[.-][05]-flash/, row: 'gemini-flash' },
  { match: /^imagen/, row: 'imagen' },
  { match: /^veo/, row: 'veo' },
  // --- Mistral ---
  { match: /^(mistral|magistral)-large/, row: 'mistral-large' },
  { match: /^(mistral|magistral)-medium/, row: 'mistral-medium' },
  { match: /^(mistral|magistral)-small/, row: 'mistral-small' },
  // --- DeepSeek (adapter ids, API ids, Hugging Face ids) ---
  { match: 'deepseek-chat', row: 'deepseek-v3' },
  { match: 'deepseek-deepthink', row: 'deepseek-v3' },
  { match: 'deepseek-reasoner', row: 'deepseek-v3' },
  { match: /deepseek-(v3|r1)(?!.*distill)/, row: 'deepseek-v3', note: 'R1 distillations state their own size instead.' },
  // --- Grok: modes and response names ---
  { match: 'grok-heavy', row: 'grok-heavy', site: 'grok' },
  { match: /^grok-4-heavy/, row: 'grok-heavy' },
  { match: /^grok-(auto|fast|expert)$/, row: 'grok-4', site: 'grok' },
  { match: /^grok-[234]/, row: 'grok-4' },
  { match: /^grok-1$/, row: 'grok-1' },
  { match: /^aurora/, row: 'aurora' },
  { match: /^imagine-video/, row: 'video-generic', site: 'grok', note: 'Grok Imagine video.' },
  // --- Microsoft Copilot modes ---
  { match: /^copilot-(chat|reasoning|smart)$/, row: 'gpt-5', site: 'copilot', note: 'Copilot runs GPT-5 models since August 2025 [I].' },
  // --- Perplexity model_preference / display_model values ---
  { match: /^(turbo|pplx_pro|experimental|sonar|sonar-pro)$/, row: 'sonar', site: 'perplexity', source: PERPLEXITY_IDS },
  { match: /^(pplx_reasoning|r1|r1-1776|sonar-reasoning|sonar-reasoning-pro)$/, row: 'deepseek-v3', site: 'perplexity', source: PERPLEXITY_IDS, note: 'Perplexity\'s reasoning default is its post-trained R1 [I].' },
  { match: 'pplx_alpha', row: 'perplexity-deep-research', site: 'perplexity', source: PERPLEXITY_IDS },
  { match: 'gpt4o', row: 'gpt-4o', site: 'perplexity', source: PERPLEXITY_IDS },
  { match: 'gpt45', row: 'gpt-4.5', site: 'perplexity', source: PERPLEXITY_IDS },
  { match: 'gpt41', row: 'gpt-4.1', site: 'perplexity', source: PERPLEXITY_IDS },
  { match: /^gpt5(thinking)?$/, row: 'gpt-5', site: 'perplexity', source: PERPLEXITY_IDS },
  { match: /^gpt52(_thinking)?$/, row: 'gpt-5.2', site: 'perplexity', source: PERPLEXITY_IDS },
  { match: /^(claude2|claude37sonnetthinking|claude45sonnet|claude45sonnetthinking)$/, row: 'claude-sonnet', site: 'perplexity', source: PERPLEXITY_IDS },
  { match: 'gemini2flash', row: 'gemini-flash', site: 'perplexity', source: PERPLEXITY_IDS },
  { match: 'gemini30pro', row: 'gemini-3-pro', site: 'perplexity', source: PERPLEXITY_IDS },
  { match: /^(grok|grok4|grok41nonreasoning|grok41reasoning)$/, row: 'grok-4', site: 'perplexity', source: PERPLEXITY_IDS },
  { match: 'o3mini', row: 'o4-mini', site: 'perplexity', source: PERPLEXITY_IDS },
  { match: 'o3', row: 'o3', site: 'perplexity', source: PERPLEXITY_IDS },
  { match: 'kimik2thinking', row: 'kimi-k2', site: 'perplexity', source: PERPLEXITY_IDS },
  // --- Poe bot handles ---
  { match: 'claude_3_igloo', row: 'claude-sonnet', site: 'poe', note: "Poe's handle for Claude 3.5 Sonnet [I]." },
  // --- Open models by name (HuggingChat, Poe, Meta) ---
  { match: /command-a/, row: 'command-a' },
  { match: /llama-4-maverick/, row: 'llama-4-maverick' },
  { match: /llama-4-scout/, row: 'llama-4-scout' },
  { match: /kimi-k2/, row: 'kimi-k2' },
  { match: /gpt-oss-120b/, row: 'gpt-oss-120b', note: 'A mixture of experts: its name states the total, not the 5.1B active.' },
  { match: /gpt-oss-20b/, row: 'gpt-oss-20b', note: 'A mixture of experts: its name states the total, not the 3.6B active.' },
  // --- Image and video sites: ids their adapters report (lib/sites) ---
  { match: 'dalle', row: 'dall-e-3', site: 'bing-image-creator', note: 'Bing\'s `mdl` "dalle" (code 0).' },
  { match: 'gpt4o', row: 'gpt-image', site: 'bing-image-creator', note: 'Bing\'s `mdl` "gpt4o" (code 1): GPT-4o image generation.' },
  { match: /^maiimage/, row: 'mai-image', site: 'bing-image-creator', note: 'Bing\'s `mdl` "maiimage1"/"maiimage2" (code 4).' },
  { match: /(^|\/)(de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3|6b645e3a-d64f-4341-a6d8-7a3690fbf042)$/, row: 'leonardo', site: 'leonardo', source: LEONARDO_IDS, note: 'Phoenix 1.0 and 0.9.' },
  { match: /(^|\/)(7b592283-e8a7-4c5a-9ba6-d18c31f258b9|05ce0082-2d80-4a2d-8653-4d1c85e2418e)$/, row: 'leonardo', site: 'leonardo', source: LEONARDO_IDS, note: 'Lucid Origin and Lucid Realism.' },
  { match: /(^|\/)(b2614463-296c-462a-9586-aafdb8f00e36|1dd50843-d653-4516-a8e3-f0238ee453ff)$/, row: 'flux', site: 'leonardo', source: LEONARDO_IDS, note: 'FLUX Dev and FLUX Schnell.' },
  { match: /^(v1-5|v2)\//, row: 'stable-diffusion', site: 'leonardo', note: 'Fine-tunes of Stable Diffusion 1.5 and 2 (DreamShaper and others), by `sd_version`.' },
  { match: /^sdxl/, row: 'sdxl', site: 'leonardo', note: 'SDXL fine-tunes (Kino XL, Vision XL…), by `sd_version`.' },
  { match: /^(phoenix|lucid)/, row: 'leonardo', site: 'leonardo', note: 'Leonardo\'s own architectures, by `sd_version`.' },
  { match: /^leonardo-motion/, row: 'video-generic', site: 'leonardo', note: 'Leonardo Motion video jobs.' },
  { match: /^firefly-video/, row: 'video-generic', site: 'firefly', note: 'Firefly\'s own video model: no figure of its own.' },
  { match: /^(gemini|nano-banana)/, row: 'gemini-image', site: 'firefly', note: 'Firefly\'s partner model Gemini image ("Nano Banana").' },
  { match: /^midjourney-video/, row: 'video-generic', note: 'Midjourney video (V1, June 2025), per clip.' },
  // --- Image and video families by name ---
  { match: /^(midjourney|niji)/, row: 'midjourney' },
  { match: /^ideogram/, row: 'ideogram' },
  { match: /^firefly/, row: 'firefly' },
  { match: /flux/, row: 'flux' },
  { match: /^(leonardo|phoenix|lucid)/, row: 'leonardo' },
  { match: /(stable-diffusion-xl|sdxl)/, row: 'sdxl', note: 'SDXL: Luccioni et al. measured it at the top of the diffusion range.' },
  { match: /(stable-diffusion|sd3|sd-turbo)/, row: 'stable-diffusion' },
  { match: /^emu/, row: 'emu' },
  { match: /^(kling|runway|gen-[34]|pika|luma|hailuo)/, row: 'video-generic' },
];
