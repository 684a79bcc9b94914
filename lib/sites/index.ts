import { bingImageCreator } from './bing-image-creator';
import { chatgpt } from './chatgpt';
import { claude } from './claude';
import { copilot } from './copilot';
import { deepseek } from './deepseek';
import { firefly } from './firefly';
import { gemini } from './gemini';
import { grok, grokOnX } from './grok';
import { huggingchat } from './huggingchat';
import { ideogram } from './ideogram';
import { leonardo } from './leonardo';
import { meta } from './meta';
import { midjourney } from './midjourney';
import { mistral } from './mistral';
import { perplexity } from './perplexity';
import { poe } from './poe';
import type { SiteAdapter } from './types';

/** Every site adapter. Adding a site: its adapter file, its row in hosts.ts, one line here and in pages.ts. */
export const ADAPTERS: readonly SiteAdapter[] = [
  chatgpt,
  claude,
  gemini,
  copilot,
  perplexity,
  deepseek,
  mistral,
  grok,
  grokOnX,
  meta,
  poe,
  huggingchat,
  midjourney,
  bingImageCreator,
  leonardo,
  ideogram,
  firefly,
];
