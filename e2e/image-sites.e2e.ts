import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './browsers';
import { EventLedger } from './expect-events';
import { startReplay, waitForAnswers } from './harness';
import { BING_PROMPTS, bingFixture, bingReplay, FINISHED_CREATION } from './replay/bing-image-creator/site';
import { FIREFLY_PROMPTS, fireflyFixture, fireflyReplay } from './replay/firefly/site';
import { IDEOGRAM_PROMPTS, ideogramFixture, ideogramReplay } from './replay/ideogram/site';
import { LEONARDO_PROMPTS, leonardoFixture, leonardoReplay } from './replay/leonardo/site';
import { MIDJOURNEY_PROMPTS, midjourneyFixture, midjourneyReplay } from './replay/midjourney/site';
import { sha256, type ReplayServer } from './server';

/**
 * End to end for the image sites: the built extension in Chromium and Firefox
 * against replays of Midjourney, Bing Image Creator, Leonardo, Ideogram and
 * Adobe Firefly that speak each app's protocol with the unit fixtures' bytes.
 * Each generation must leave exactly one stored event (kind, images, model,
 * status), what is no generation none, and every page must receive exactly
 * what the server sent.
 */

const length = (text: string) => [...text].length;
/** How long a step that must store nothing is given to (wrongly) store something. */
const SETTLE_MS = 1_500;

let server: ReplayServer;
let origin: (host: string) => string;

beforeAll(async () => {
  ({ server, origin } = await startReplay([midjourneyReplay(), bingReplay(), leonardoReplay(), ideogramReplay(), fireflyReplay()]));
});

afterAll(async () => {
  await server?.stop();
});

/** What a replay page recorded on its last job: the HTTP status and the hash of the bytes it received. */
function lastJob(tab: Tab): Promise<{ job: string; httpStatus: string; receivedSha256: string }> {
  return tab.evaluate(() => {
    const item = document.querySelector<HTMLElement>('#jobs [data-job]');
    return { job: item?.dataset.job ?? '', httpStatus: item?.dataset.httpStatus ?? '', receivedSha256: item?.dataset.receivedSha256 ?? '' };
  }, null);
}

const setValue = (tab: Tab, selector: string, value: string) =>
  tab.evaluate(([target, chosen]) => {
    document.querySelector<HTMLSelectElement | HTMLInputElement>(target!)!.value = chosen!;
  }, [selector, value]);

describe.each(BROWSERS)('Image sites in %s', (browserName) => {
  let browser: ExtensionBrowser;
  /** One generation, one event; none for what is no generation. */
  let ledger: EventLedger;
  let logStart = 0;

  beforeAll(async () => {
    logStart = server.log.length;
    browser = await launch(browserName, { hosts: server.hosts });
    ledger = new EventLedger(browser);
  });

  afterAll(async () => {
    await browser?.close();
    browser?.dispose();
  });

  const requested = (host: string, method: string, path: string) =>
    server.log.slice(logStart).some((entry) => entry.host === host && entry.method === method && entry.path.startsWith(path));

  // -------------------------------------------------------------------------
  describe('Midjourney', () => {
    let tab: Tab;
    let answers = 0;

    beforeAll(async () => {
      tab = await browser.newTab();
      await tab.goto(`${origin('www.midjourney.com')}/imagine`);
    });

    afterAll(() => tab?.close());

    async function job(action: () => Promise<void>, answer: string): Promise<void> {
      await action();
      await waitForAnswers(tab, ++answers);
      expect((await lastJob(tab)).receivedSha256).toBe(sha256(answer));
    }

    const imagine = (prompt: string) => async () => {
      await tab.type('#desktop_input_bar', prompt);
      await tab.click('[data-action="submit"]');
    };

    it('stores an imagine job as its grid of four, with the version flag as the model', async () => {
      await job(imagine(MIDJOURNEY_PROMPTS.imagine), midjourneyFixture('imagine.response.json'));
      await ledger.expectNew({
        site: 'midjourney',
        kind: 'image',
        task: 'image',
        images: 4,
        model: 'midjourney-v7',
        modelSource: 'request',
        status: 'complete',
        detector: 'network',
        inputChars: length(MIDJOURNEY_PROMPTS.imagine),
      });
      // The page's own reads on load were no jobs, and left no event.
      expect(requested('www.midjourney.com', 'GET', '/api/imagine?')).toBe(true);
      expect(requested('www.midjourney.com', 'GET', '/api/user-mutable-state')).toBe(true);
    });

    it('stores an upscale as one image and an animation as its clips', async () => {
      await job(() => tab.click('[data-action="upscale"]'), midjourneyFixture('upscale.response.json'));
      await ledger.expectNew({ site: 'midjourney', kind: 'image', images: 1, status: 'complete' });
      await job(() => tab.click('[data-action="animate"]'), midjourneyFixture('video.response.json'));
      await ledger.expectNew({ site: 'midjourney', kind: 'video', images: 2, model: 'midjourney-video-1.1', status: 'complete' });
    });

    it('adds up the jobs of one prompt, and stores a refused job with no images', async () => {
      await job(imagine(MIDJOURNEY_PROMPTS.repeat), midjourneyFixture('repeat.response.json'));
      await ledger.expectNew({ site: 'midjourney', images: 8, model: 'midjourney-v6.1', status: 'complete' });
      await job(imagine(MIDJOURNEY_PROMPTS.refused), midjourneyFixture('refused.response.json'));
      await ledger.expectNew({ site: 'midjourney', kind: 'image', images: 0, status: 'error' });
    });
  });

  // -------------------------------------------------------------------------
  describe('Bing Image Creator', () => {
    let tab: Tab;

    beforeAll(async () => {
      tab = await browser.newTab();
    });

    afterAll(() => tab?.close());

    /** Creates from the creator page: a form navigation to the polling page, which shows the results. */
    async function create(prompt: string, options: { model?: string; video?: boolean } = {}): Promise<void> {
      await tab.goto(`${origin('www.bing.com')}/images/create`);
      await tab.type('#sb_form_q', prompt);
      if (options.model) await setValue(tab, '#gi_mdl', options.model);
      if (options.video) await tab.click('#gi_video');
      await tab.click('#create_btn_c');
      await vi.waitFor(async () => expect(await tab.evaluate(() => document.body.dataset.results ?? '', null)).toBe('done'), {
        timeout: 20_000,
        interval: 200,
      });
    }

    const received = () => tab.evaluate(() => document.getElementById('gir_async')?.dataset.receivedSha256 ?? '', null);

    it('stores a creation made by a form navigation, counting its new images, not the recent ones on screen', async () => {
      await create(BING_PROMPTS.images);
      expect(await received()).toBe(sha256(bingFixture('results.html')));
      await ledger.expectNew({
        site: 'bing-image-creator',
        kind: 'image',
        task: 'image',
        images: 4,
        model: 'dalle',
        modelSource: 'request',
        status: 'complete',
        detector: 'dom',
        inputChars: length(BING_PROMPTS.images),
      });
    });

    it('adds nothing when the polling page is reloaded or a finished creation is opened', async () => {
      // The page before the reload is marked: its own "done" must not pass for the reloaded page's
      // (a run here went on to the next navigation while the reload was still under way).
      await tab.evaluate(() => {
        document.body.dataset.beforeReload = 'true';
        setTimeout(() => location.reload(), 0);
      }, null);
      const reloadedResults = () =>
        tab.evaluate(() => (document.body.dataset.beforeReload ? 'not reloaded yet' : (document.body.dataset.results ?? '')), null);
      await vi.waitFor(async () => expect(await reloadedResults()).toBe('done'), { timeout: 20_000, interval: 200 });
      await tab.goto(`${origin('www.bing.com')}${FINISHED_CREATION}`);
      await tab.waitFor('#gir_async img.mimg');
      await ledger.expectNone(4_000);
    });

    it('waits for a streamed GPT-4o image and counts it once', async () => {
      await create(BING_PROMPTS.images, { model: 'gpt4o' });
      expect(await received()).toBe(sha256(bingFixture('results-gpt4o.html')));
      await ledger.expectNew({ site: 'bing-image-creator', images: 1, model: 'gpt4o', status: 'complete' });
    });

    it('stores a blocked prompt as an error with no images, and a Video Creator clip as video', async () => {
      await create(BING_PROMPTS.blocked);
      await ledger.expectNew({ site: 'bing-image-creator', kind: 'image', images: 0, status: 'error' });
      await create(BING_PROMPTS.video, { video: true });
      expect(await received()).toBe(sha256(bingFixture('video-results.html')));
      await ledger.expectNew({ site: 'bing-image-creator', kind: 'video', images: 1, model: 'sora', status: 'complete' });
    });
  });

  // -------------------------------------------------------------------------
  describe('Leonardo.Ai', () => {
    let tab: Tab;
    let answers = 0;

    beforeAll(async () => {
      tab = await browser.newTab();
      await tab.goto(`${origin('app.leonardo.ai')}/image-generation`);
    });

    afterAll(() => tab?.close());

    async function job(action: () => Promise<void>, answer: string): Promise<void> {
      await action();
      await waitForAnswers(tab, ++answers);
      expect((await lastJob(tab)).receivedSha256).toBe(sha256(answer));
    }

    const generate = (prompt: string) => async () => {
      await tab.type('#prompt-textarea', prompt);
      await tab.click('#generate');
    };

    it('stores a generation sent to api.leonardo.ai from the app page, with model and architecture', async () => {
      await job(generate(LEONARDO_PROMPTS.generation), leonardoFixture('generation.response.json'));
      await ledger.expectNew({
        site: 'leonardo',
        kind: 'image',
        images: 4,
        model: 'phoenix/de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3',
        status: 'complete',
        detector: 'network',
        inputChars: length(LEONARDO_PROMPTS.generation),
      });
      // Preflighted (another host), and the page's own queries were no jobs.
      expect(requested('api.leonardo.ai', 'OPTIONS', '/v1/graphql')).toBe(true);
      expect(server.log.slice(logStart).some((entry) => entry.body.includes('"GetAIGenerationFeed"'))).toBe(true);
    });

    it('stores an upscale as one image and motion as a clip; the live canvas adds nothing', async () => {
      await job(() => tab.click('#upscale'), leonardoFixture('upscale.response.json'));
      await ledger.expectNew({ site: 'leonardo', kind: 'image', images: 1, model: 'leonardo-upscaler', status: 'complete' });
      await job(() => tab.click('#motion'), leonardoFixture('motion.response.json'));
      await ledger.expectNew({ site: 'leonardo', kind: 'video', images: 1, model: 'leonardo-motion', status: 'complete' });
      await tab.click('#live');
      await waitForAnswers(tab, ++answers);
      await ledger.expectNone(SETTLE_MS);
    });

    it('stores a refused generation (GraphQL errors) with no images', async () => {
      await job(generate(LEONARDO_PROMPTS.outOfTokens), leonardoFixture('errors.response.json'));
      await ledger.expectNew({ site: 'leonardo', kind: 'image', images: 0, status: 'error' });
    });
  });

  // -------------------------------------------------------------------------
  describe('Ideogram', () => {
    let tab: Tab;
    let answers = 0;

    beforeAll(async () => {
      tab = await browser.newTab();
      await tab.goto(`${origin('ideogram.ai')}/t/explore`);
    });

    afterAll(() => tab?.close());

    async function job(action: () => Promise<void>, answer: string, status = '200'): Promise<void> {
      await action();
      await waitForAnswers(tab, ++answers);
      expect(await lastJob(tab)).toMatchObject({ httpStatus: status, receivedSha256: sha256(answer) });
    }

    const generate = (prompt: string) => async () => {
      await tab.type('#prompt', prompt);
      await tab.click('#generate');
    };

    it('stores a sample request as its images with the model version; the polling adds nothing', async () => {
      await job(generate(IDEOGRAM_PROMPTS.sample), ideogramFixture('sample.response.json'));
      await ledger.expectNew({
        site: 'ideogram',
        kind: 'image',
        images: 4,
        model: 'ideogram-v3.1',
        status: 'complete',
        inputChars: length(IDEOGRAM_PROMPTS.sample),
      });
      await vi.waitFor(() => expect(requested('ideogram.ai', 'POST', '/api/gallery/retrieve-requests')).toBe(true));
      await ledger.expectNone(SETTLE_MS);
    });

    it('stores an upscale as a generation of its own, and a refused one (HTTP 429) with no images', async () => {
      await job(() => tab.click('#upscale'), ideogramFixture('sample.response.json'));
      await ledger.expectNew({ site: 'ideogram', images: 1, model: 'ideogram-auto', status: 'complete' });
      await job(generate(IDEOGRAM_PROMPTS.limited), ideogramFixture('limited.response.json'), '429');
      await ledger.expectNew({ site: 'ideogram', kind: 'image', images: 0, status: 'error' });
    });
  });

  // -------------------------------------------------------------------------
  describe('Adobe Firefly', () => {
    let tab: Tab;
    let answers = 0;

    beforeAll(async () => {
      tab = await browser.newTab();
      await tab.goto(`${origin('firefly.adobe.com')}/generate/image`);
    });

    afterAll(() => tab?.close());

    async function generate(prompt: string, model: string, count: string, answer: string, status = '200'): Promise<void> {
      await setValue(tab, '#model', model);
      await setValue(tab, '#count', count);
      await tab.type('#prompt', prompt);
      await tab.click('#generate');
      await waitForAnswers(tab, ++answers);
      expect(await lastJob(tab)).toMatchObject({ httpStatus: status, receivedSha256: sha256(answer) });
    }

    it('stores a partner-model job sent to firefly-3p.ff.adobe.io, named by model and version', async () => {
      await generate(FIREFLY_PROMPTS.partner, 'gemini-flash|nano-banana-2', '2', fireflyFixture('partner.response.json'));
      await ledger.expectNew({
        site: 'firefly',
        kind: 'image',
        images: 2,
        model: 'gemini-flash/nano-banana-2',
        status: 'complete',
        inputChars: length(FIREFLY_PROMPTS.partner),
      });
    });

    it("stores Adobe's own model's job with the version from its header, and a partner video as a clip", async () => {
      await generate(FIREFLY_PROMPTS.adobe, 'adobe|image4_standard', '4', fireflyFixture('adobe.response.json'));
      await ledger.expectNew({ site: 'firefly', kind: 'image', images: 4, model: 'firefly-image4-standard', status: 'complete' });
      await generate(FIREFLY_PROMPTS.video, 'veo|3.1-fast-generate', '1', fireflyFixture('partner.response.json'));
      await ledger.expectNew({ site: 'firefly', kind: 'video', images: 1, model: 'veo/3.1-fast-generate', status: 'complete' });
    });

    it('stores a refused job (HTTP 451) with no images; an upload adds nothing', async () => {
      await generate(FIREFLY_PROMPTS.refused, 'gemini-flash|nano-banana-2', '1', fireflyFixture('refused.response.json'), '451');
      await ledger.expectNew({ site: 'firefly', kind: 'image', images: 0, status: 'error' });
      await tab.click('#reference');
      await vi.waitFor(() => expect(requested('firefly-3p.ff.adobe.io', 'POST', '/v2/storage/image')).toBe(true));
      await ledger.expectNone(SETTLE_MS);
    });
  });

  // -------------------------------------------------------------------------
  it('keeps the daily rollups equal to the stored events, images included', async () => {
    const events = await browser.readStore('events');
    const rollups = await browser.readStore('rollups');
    expect(rollups.reduce((sum, rollup) => sum + rollup.count, 0)).toBe(events.length);
    expect(rollups.reduce((sum, rollup) => sum + rollup.images, 0)).toBe(events.reduce((sum, event) => sum + event.images, 0));
    expect(events.reduce((sum, event) => sum + event.images, 0)).toBeGreaterThan(30);
  });
});
