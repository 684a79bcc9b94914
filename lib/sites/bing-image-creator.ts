import type { DomContext, SiteAdapter, SitePage, TurnReport } from './types';

/**
 * Bing Image Creator (www.bing.com/images/create). A creation is a form
 * navigation, not a request the page script makes: the form posts
 * `/images/create?q=…&rt=4&mdl=…&ar=…&FORM=GENCRE`, the server redirects to
 * `/images/create?q=<prompt>&…&id=<request id>`, and that page polls
 * `/images/create/async/results/<id>` for an HTML fragment it inserts. Video
 * (Bing Video Creator, Sora) works the same from `ctype=video` or
 * `/images/create/ai-video-generator`. As seen in public clients up to 2026
 * (Python and JS clients 2023-26; an Electron client naming the models
 * "dalle", "gpt4o", "maiimage2", 2026; see ../shared/research/sites.md).
 *
 * So this is a DOM detector (run by the page-world tap, where all text stays):
 * a page loaded by navigation (not a reload, not back/forward) whose URL
 * carries `q` and `id` is a creation under way. Its images are the generated
 * thumbnails (`/th/id/OIG…`, `pid=ImgGn`) that appear after the detector
 * started, keyed by their image id; what was on screen at start (recent
 * creations) never counts. The creation is over when images have appeared and
 * nothing has changed for SETTLE_MS, no image still streaming (`.strm`, GPT-4o
 * mode); an error box (`#girer`, a content-policy block) ends it as an error.
 *
 * Model: the `mdl` parameter ("0" DALL-E 3, "1" GPT-4o, "4" MAI-Image-1 in 2025
 * clients, names in 2026 ones); video is "sora". Cannot see: a creation the
 * user reloads or leaves (recorded as interrupted with no images), the
 * resolution (`ar` only gives the aspect ratio).
 */

/** Generated image thumbnails; Bing's own icons and search thumbnails do not match. */
const GENERATED_IMAGE = 'img[src*="/th/id/OIG"], img[src*="pid=ImgGn"]';
const GENERATED_VIDEO = 'video[src], [ourl]';
/** GPT-4o mode streams an image progressively inside this marker (2025 clients). */
const STREAMING = '.imgri-inner-container.strm';
const ERROR_BOX = '#girer, [data-clarity-tag="BlockedByContentPolicy"]';
const IMAGE_ID = /\/th\/id\/([^?&/]+)/;
/** The results are complete when they have not changed this long. */
export const SETTLE_MS = 2_000;
/** A creation with no result by then is not coming (Bing times out well before). */
export const GIVE_UP_MS = 300_000;
/** `mdl` codes in 2025 clients' requests; 2026 clients send the names themselves. */
const MODEL_CODES: Readonly<Record<string, string>> = { '0': 'dalle', '1': 'gpt4o', '4': 'maiimage1' };

export const bingImageCreator: SiteAdapter = {
  site: 'bing-image-creator',
  version: 1,
  detect: detectCreation,
};

export const bingImageCreatorPage: SitePage = {
  site: 'bing-image-creator',
  // Seen 2024 (public automation scripts): the prompt box keeps Bing's search box id.
  composer: '#sb_form_q',
  // A creation navigates to a new page, so no element appears on the page the
  // user acted on: matches nothing on purpose (the witness checks the composer only).
  userMessage: ':not(*)',
};

function detectCreation({ doc, signal, open }: DomContext): void {
  if (signal.aborted) return;
  const url = new URL(doc.URL);
  const prompt = url.searchParams.get('q');
  if (!prompt || !url.searchParams.get('id')) return;
  if (arrivedByHistory(doc)) return;
  const video = url.searchParams.get('ctype') === 'video' || url.pathname.startsWith('/images/create/ai-video-generator');
  const creation = new Creation(doc, open(), video);
  creation.begin(prompt, url.searchParams.get('mdl'));
  signal.addEventListener('abort', () => creation.end('interrupted'), { once: true });
}

/** A reload or a step back shows a creation already counted when it was made. */
function arrivedByHistory(doc: Document): boolean {
  const entry = doc.defaultView?.performance?.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return entry?.type === 'reload' || entry?.type === 'back_forward';
}

/** One creation on screen, waiting for its results to settle. */
class Creation {
  private readonly shownAtStart: Set<string>;
  private readonly results = new Set<string>();
  private readonly observer: MutationObserver;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly giveUpTimer: ReturnType<typeof setTimeout>;
  private ended = false;

  constructor(
    private readonly doc: Document,
    private readonly turn: TurnReport,
    private readonly video: boolean,
  ) {
    this.shownAtStart = this.resultKeys();
    this.observer = new MutationObserver(() => this.check());
    this.giveUpTimer = setTimeout(() => this.end('interrupted'), GIVE_UP_MS);
  }

  begin(prompt: string, modelCode: string | null): void {
    this.turn.prompt(prompt);
    this.turn.kind(this.video ? 'video' : 'image');
    const model = this.video ? 'sora' : modelCode && (MODEL_CODES[modelCode] ?? modelCode);
    if (model) this.turn.model(model, 'request');
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'class', 'ourl'] });
    this.check();
  }

  end(status: 'complete' | 'interrupted' | 'error'): void {
    if (this.ended) return;
    this.ended = true;
    this.observer.disconnect();
    clearTimeout(this.settleTimer);
    clearTimeout(this.giveUpTimer);
    if (status !== 'error') this.turn.images(this.results.size);
    this.turn.status(status);
    this.turn.close();
  }

  private check(): void {
    if (this.ended) return;
    if (this.doc.querySelector(ERROR_BOX)) {
      this.end('error');
      return;
    }
    const before = this.results.size;
    for (const key of this.resultKeys()) if (!this.shownAtStart.has(key)) this.results.add(key);
    if (this.results.size === 0 || (this.results.size === before && this.settleTimer !== undefined)) return;
    // Something new arrived: wait for the set to stop growing (and streaming).
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(), SETTLE_MS);
  }

  private settle(): void {
    this.settleTimer = undefined;
    if (this.doc.querySelector(STREAMING)) this.settleTimer = setTimeout(() => this.settle(), SETTLE_MS);
    else this.end('complete');
  }

  /** Generated results on the page, by image id (a thumbnail and its larger view are one image). */
  private resultKeys(): Set<string> {
    const keys = new Set<string>();
    if (this.video) {
      for (const element of this.doc.querySelectorAll(GENERATED_VIDEO)) {
        const source = element.getAttribute('ourl') ?? element.getAttribute('src');
        if (source) keys.add(source);
      }
      return keys;
    }
    for (const image of this.doc.querySelectorAll<HTMLImageElement>(GENERATED_IMAGE)) {
      const key = IMAGE_ID.exec(image.getAttribute('src') ?? '')?.[1];
      if (key) keys.add(key);
    }
    return keys;
  }
}
