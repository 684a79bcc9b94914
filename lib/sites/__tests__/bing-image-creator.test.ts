// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runDomDetector } from '../../capture/__tests__/fakes';
import { bingImageCreator, bingImageCreatorPage, GIVE_UP_MS, SETTLE_MS } from '../bing-image-creator';

const PROMPT = 'a lighthouse at dawn, watercolor';
/** Where the form's POST redirects while the creation runs (the polling page). */
const POLLING_URL = `https://www.bing.com/images/create?q=${encodeURIComponent(PROMPT)}&rt=4&mdl=0&ar=1&FORM=GENCRE&id=1-3f9d7e2a6b5c4d8e9f0a1b2c3d4e5f60`;
const length = (text: string) => [...text].length;

/** Read by path: happy-dom's URL cannot resolve file URLs. Tests run from the project root. */
function fixture(name: string): string {
  return readFileSync(join(process.cwd(), 'lib/sites/__fixtures__/bing-image-creator', name), 'utf8');
}

/** Nodes parsed from a fixture, imported into this document (no innerHTML). */
function nodesOf(name: string): Node[] {
  const parsed = new DOMParser().parseFromString(fixture(name), 'text/html');
  return [...parsed.body.childNodes].map((node) => document.importNode(node, true));
}

/** happy-dom's own control of the window (not in the DOM typings). */
const happyDom = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

/** The creation page as it arrives from the redirect, at `url`. */
function creationPage(url = POLLING_URL): void {
  happyDom.setURL(url);
  document.body.replaceChildren(...nodesOf('create-page.html'));
}

/** What the page's polling script does with each answer: put the fragment in the results area. */
function pollingAnswers(name: string): void {
  document.getElementById('gir_async')!.replaceChildren(...nodesOf(name));
}

/** Bing's detector on this page, with real turns. */
const detect = () => runDomDetector(bingImageCreator, document);

const wait = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('Bing Image Creator DOM detector', () => {
  it('counts the images a creation adds, not the recent creations already on screen', async () => {
    creationPage();
    const detector = detect();
    await wait();
    expect(detector.finals()).toEqual([expect.objectContaining({ kind: 'image', status: 'interrupted', images: 0 })]);

    await wait(8_000);
    pollingAnswers('results.html');
    await wait(SETTLE_MS - 100);
    expect(detector.finals()[0]).toMatchObject({ status: 'interrupted' });
    await wait(100);
    expect(detector.finals()).toEqual([
      expect.objectContaining({
        kind: 'image',
        task: 'image',
        detector: 'dom',
        images: 4,
        model: 'dalle',
        modelSource: 'request',
        status: 'complete',
        inputChars: length(PROMPT),
        outputChars: 0,
      }),
    ]);
    expect(detector.finals()[0]!.durationMs).toBeGreaterThanOrEqual(8_000);
  });

  it('does not count a thumbnail of a new image twice when the recent list shows it too', async () => {
    creationPage();
    const detector = detect();
    pollingAnswers('results.html');
    const recent = document.getElementById('girrcc')!;
    const thumbnail = document.createElement('img');
    thumbnail.src = 'https://th.bing.com/th/id/OIG2.Kq7pR3sT5yL0bE4hC6dU?w=90&h=90&c=6&r=0&o=5&pid=ImgGn';
    recent.prepend(thumbnail);
    await wait(SETTLE_MS);
    expect(detector.finals()[0]).toMatchObject({ images: 4, status: 'complete' });
  });

  it('waits while a GPT-4o image is still streaming, then counts it once', async () => {
    creationPage(POLLING_URL.replace('mdl=0', 'mdl=gpt4o'));
    const detector = detect();
    pollingAnswers('streaming.html');
    await wait(SETTLE_MS * 3);
    expect(detector.finals()[0]).toMatchObject({ status: 'interrupted' });
    pollingAnswers('results-gpt4o.html');
    await wait(SETTLE_MS * 2);
    expect(detector.finals()).toEqual([expect.objectContaining({ images: 1, model: 'gpt4o', status: 'complete' })]);
  });

  it('ends a blocked prompt as an error with no images', async () => {
    creationPage();
    const detector = detect();
    await wait(3_000);
    pollingAnswers('blocked.html');
    await wait();
    expect(detector.finals()).toEqual([expect.objectContaining({ kind: 'image', images: 0, status: 'error' })]);
  });

  it('counts a Video Creator clip as a video', async () => {
    creationPage(POLLING_URL.replace('&mdl=0', '&ctype=video'));
    const detector = detect();
    pollingAnswers('video-results.html');
    await wait(SETTLE_MS);
    expect(detector.finals()).toEqual([expect.objectContaining({ kind: 'video', images: 1, model: 'sora', status: 'complete' })]);
  });

  it('gives up on a creation that never shows a result, leaving it interrupted', async () => {
    creationPage();
    const detector = detect();
    await wait(GIVE_UP_MS);
    expect(detector.finals()).toEqual([expect.objectContaining({ images: 0, status: 'interrupted' })]);
    pollingAnswers('results.html');
    await wait(SETTLE_MS);
    expect(detector.finals()).toEqual([expect.objectContaining({ images: 0, status: 'interrupted' })]);
  });

  it('stops when the tap retires: what it had counted stays, nothing more', async () => {
    creationPage();
    const detector = detect();
    await wait();
    detector.abort();
    pollingAnswers('results.html');
    await wait(SETTLE_MS);
    expect(detector.finals()).toEqual([expect.objectContaining({ images: 0, status: 'interrupted' })]);
  });

  it.each([
    ['the creator page before a creation', 'https://www.bing.com/images/create'],
    ['a finished creation, at its own address', 'https://www.bing.com/images/create/a-lighthouse-at-dawn/1-3f9d7e2a6b5c4d8e9f0a1b2c3d4e5f60?FORM=GUH2CR'],
    ['a polling address without a prompt', 'https://www.bing.com/images/create?id=1-3f9d7e2a6b5c4d8e9f0a1b2c3d4e5f60&rt=4'],
  ])('opens nothing on %s, whatever appears', async (_what, url) => {
    creationPage(url);
    const detector = detect();
    pollingAnswers('results.html');
    await wait(SETTLE_MS);
    expect(detector.sent).toEqual([]);
  });

  it.each(['reload', 'back_forward'])('opens nothing when the polling page came back by %s', async (type) => {
    creationPage();
    vi.spyOn(window.performance, 'getEntriesByType').mockReturnValue([{ type } as unknown as PerformanceEntry]);
    const detector = detect();
    pollingAnswers('results.html');
    await wait(SETTLE_MS);
    expect(detector.sent).toEqual([]);
  });

  it('knows the prompt box, and watches no per-prompt element (a creation navigates)', () => {
    creationPage();
    expect(document.querySelector(bingImageCreatorPage.composer)).not.toBeNull();
    expect(document.querySelectorAll(bingImageCreatorPage.userMessage)).toHaveLength(0);
  });
});
