import { bingImageCreatorPage } from './bing-image-creator';
import { chatgptPage } from './chatgpt';
import { claudePage } from './claude';
import { copilotPage } from './copilot';
import { deepseekPage } from './deepseek';
import { fireflyPage } from './firefly';
import { geminiPage } from './gemini';
import { grokPage } from './grok';
import { huggingchatPage } from './huggingchat';
import { ideogramPage } from './ideogram';
import { leonardoPage } from './leonardo';
import { metaPage } from './meta';
import { midjourneyPage } from './midjourney';
import { mistralPage } from './mistral';
import { perplexityPage } from './perplexity';
import { poePage } from './poe';
import type { SitePage } from './types';

/** Every site's page facts for the relay's health witness. One line per site. */
export const PAGES: readonly SitePage[] = [
  chatgptPage,
  claudePage,
  geminiPage,
  copilotPage,
  perplexityPage,
  deepseekPage,
  mistralPage,
  grokPage,
  metaPage,
  poePage,
  huggingchatPage,
  midjourneyPage,
  bingImageCreatorPage,
  leonardoPage,
  ideogramPage,
  fireflyPage,
];

/** The page facts that apply to this URL's site and host, if any. */
export function pageFor(url: URL, site: SitePage['site'] | null): SitePage | undefined {
  return PAGES.find((page) => page.site === site && (!page.hosts || page.hosts.includes(url.hostname)));
}
