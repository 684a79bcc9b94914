import { chatgpt } from './chatgpt';
import { claude } from './claude';
import { copilot } from './copilot';
import { deepseek } from './deepseek';
import { gemini } from './gemini';
import { grok, grokOnX } from './grok';
import { huggingchat } from './huggingchat';
import { meta } from './meta';
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
];
