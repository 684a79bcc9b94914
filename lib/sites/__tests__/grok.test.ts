import { describe, expect, it } from 'vitest';
import { expectSameHoweverChunked, fixture, postPrompt, sentAtLeast, testPage, withoutTiming } from '../../capture/__tests__/fakes';
import { grok, grokOnX } from '../grok';

const NEW = 'https://grok.com/rest/app-chat/conversations/new';
const RESPONSES = 'https://grok.com/rest/app-chat/conversations/20a68628-ebbb-49e7-ac2b-d9f539f15fa4/responses';
const GROK_HREF = 'https://grok.com/c/20a68628-ebbb-49e7-ac2b-d9f539f15fa4';
const X_ENDPOINT = 'https://grok.x.com/2/grok/add_response.json';
const X_HREF = 'https://x.com/i/grok?conversation=1903456789012345678';
const length = (text: string) => [...text].length;
const gk = (name: string) => fixture('grok', name);

function replay(stream: string, request: string, url = NEW, chunkSize = 97, href = GROK_HREF) {
  const page = testPage([grok, grokOnX], () => ({ body: gk(stream), chunkSize, contentType: 'application/json' }), href);
  return postPrompt(page, url, gk(request));
}

const replayX = (stream: string, request = 'x.request.json', chunkSize = 97) =>
  replay(stream, request, X_ENDPOINT, chunkSize, X_HREF);

const AUTO_ANSWER = "D'accord ! Je vous réponds en français désormais. 😊";

describe('Grok adapter (grok.com)', () => {
  it('reads pretty-printed objects back to back and records the model that answered', async () => {
    const { event, pageText } = await replay('auto.json', 'auto.request.json', RESPONSES);
    expect(pageText).toBe(gk('auto.json'));
    expect(event).toMatchObject({
      kind: 'text',
      model: 'grok-3',
      modelSource: 'response',
      status: 'complete',
      detector: 'network',
      adapterVersion: grok.version,
      inputChars: length('Reply in French from now on, please.'),
      outputChars: length(AUTO_ANSWER),
      reasoningChars: 0,
      images: 0,
    });
  });

  it('keeps thinking tokens apart and counts neither tool cards nor tool results', async () => {
    const { event } = await replay('expert.ndjson', 'expert.request.json');
    expect(event).toMatchObject({
      model: 'grok-4',
      modelSource: 'response',
      status: 'complete',
      inputChars: length('What is the derivative of x³?'),
      reasoningChars: length('The user asks for the derivative of x^3. Power rule: 3x^2.'),
      outputChars: length('The derivative of x³ is 3x².'),
    });
  });

  it('counts each streamed image once, however its progress updates repeat, moderated ones too', async () => {
    const { event } = await replay('image.ndjson', 'image.request.json');
    expect(event).toMatchObject({
      kind: 'image',
      task: 'image',
      images: 2,
      status: 'complete',
      outputChars: length("I'll draw that for you."),
    });
  });

  it('counts images listed only in the final answer', async () => {
    const { event } = await replay('image-listed.ndjson', 'image.request.json');
    expect(event).toMatchObject({ kind: 'image', images: 2, outputChars: length('Two foxes, as asked.') });
  });

  it('marks an answer the user stopped (a partial modelResponse) as interrupted', async () => {
    const { event } = await replay('stopped.ndjson', 'expert.request.json');
    expect(event).toMatchObject({
      status: 'interrupted',
      model: 'grok-4',
      outputChars: length('Once upon a time, a lighthouse'),
    });
  });

  it('marks a generated video as a video, one clip however often its progress repeats', async () => {
    const { event } = await replay('video.ndjson', 'image.request.json');
    // The images count carries the clips: a video is priced per clip.
    expect(event).toMatchObject({ kind: 'video', task: 'image', images: 1, status: 'complete', model: 'imagine-video-gen' });
  });

  it('keeps the requested model (from the echo of the prompt) when the answer is cut short', async () => {
    const { event } = await replay('truncated.json', 'auto.request.json', RESPONSES);
    expect(event).toMatchObject({
      status: 'interrupted',
      model: 'grok-4-auto',
      modelSource: 'request',
      outputChars: length("D'accord ! Je vous réponds en français"),
    });
  });

  it('falls back to the mode in the request when the stream names no model', async () => {
    const { event } = await replay('error.ndjson', 'expert.request.json');
    expect(event).toMatchObject({ status: 'error', model: 'grok-expert', modelSource: 'request', outputChars: 0 });
  });

  it('survives junk, cut objects and braces inside strings, and still measures the real answer', async () => {
    const { event } = await replay('malformed.ndjson', 'auto.request.json', RESPONSES);
    expect(event).toMatchObject({
      status: 'complete',
      model: 'grok-3',
      outputChars: length('{braces} inside, then a cut line and "escaped" quotes. Say "{" twice.'),
      reasoningChars: 0,
    });
  });

  it.each([
    ['auto.json', 'auto.request.json'],
    ['expert.ndjson', 'expert.request.json'],
    ['image.ndjson', 'image.request.json'],
    ['truncated.json', 'auto.request.json'],
    ['malformed.ndjson', 'auto.request.json'],
  ])('measures %s the same however the bytes are chunked', (stream, request) =>
    expectSameHoweverChunked((chunkSize) => replay(stream, request, RESPONSES, chunkSize), gk(stream)),
  );

  it.each([
    ['GET', 'https://grok.com/rest/app-chat/conversations/reconnect-response-v2/5b128365-2fed-4339-a2b6-8a85a62ad182'],
    ['POST', 'https://grok.com/rest/app-chat/conversations/20a68628-ebbb-49e7-ac2b-d9f539f15fa4/load-responses'],
    ['POST', 'https://grok.com/rest/app-chat/upload-file'],
    ['GET', NEW],
    ['POST', 'https://x.com/rest/app-chat/conversations/new'],
  ])('ignores %s %s (not a prompt)', async (method, url) => {
    const page = testPage([grok, grokOnX], () => ({ body: gk('expert.ndjson') }), GROK_HREF);
    const init: RequestInit = { method };
    if (method === 'POST') init.body = gk('expert.request.json');
    await (await page.win.fetch(url, init)).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.sent).toEqual([]);
  });

  it('marks an HTTP error and an aborted stream', async () => {
    const failing = testPage([grok], () => ({ body: '{"error":{"code":16}}', status: 401 }), GROK_HREF);
    await (await failing.win.fetch(NEW, { method: 'POST', body: gk('expert.request.json') })).text();
    await sentAtLeast(failing, 2);
    expect(failing.finals()[0]).toMatchObject({ status: 'error', outputChars: 0 });

    const aborted = testPage([grok], () => ({ body: gk('expert.ndjson'), failAfter: 1500 }), GROK_HREF);
    const response = await aborted.win.fetch(NEW, { method: 'POST', body: gk('expert.request.json') });
    await expect(response.text()).rejects.toThrow(/abort/i);
    await sentAtLeast(aborted, 2);
    expect(aborted.finals()[0]).toMatchObject({ status: 'interrupted' });
  });
});

describe('Grok adapter (X)', () => {
  it('reads the NDJSON answer, keeps reasoning apart and takes the requested model', async () => {
    const { event, pageText } = await replayX('x.ndjson');
    expect(pageText).toBe(gk('x.ndjson'));
    expect(event).toMatchObject({
      model: 'grok-3',
      modelSource: 'request',
      status: 'complete',
      inputChars: length("What's trending in AI today?"),
      reasoningChars: length("Looking at today's posts about AI."),
      outputChars: length('Today the talk is about open-weight models and chip export rules.'),
    });
  });

  it('counts only the newest user message when the request carries the history', async () => {
    const { event } = await replayX('x.ndjson', 'x-history.request.json');
    expect(event).toMatchObject({ inputChars: length('Where is it?'), model: 'grok-expert', modelSource: 'request' });
  });

  it('marks the rate limiter as an error and does not count its message as an answer', async () => {
    const { event } = await replayX('x-limiter.ndjson');
    expect(event).toMatchObject({ status: 'error', outputChars: 0 });
  });

  it('counts generated images once each, from progress updates and attachments alike', async () => {
    const { event } = await replayX('x-image.ndjson');
    expect(event).toMatchObject({ kind: 'image', images: 2, outputChars: length('Here is a fox in the snow.') });
    const attachedOnly = await replayX('x-image-attached.ndjson');
    expect(attachedOnly.event).toMatchObject({ kind: 'image', images: 2 });
  });

  it('reads the endpoint under /i/api on x.com too, and marks a cut stream as interrupted', async () => {
    const page = testPage([grok, grokOnX], () => ({ body: gk('x.ndjson'), failAfter: 700 }), X_HREF);
    const response = await page.win.fetch('https://x.com/i/api/2/grok/add_response.json', {
      method: 'POST',
      body: gk('x.request.json'),
    });
    await expect(response.text()).rejects.toThrow(/abort/i);
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'interrupted', inputChars: length("What's trending in AI today?") });
  });

  it.each([1, 3, 64])('measures the X stream the same in %i-byte chunks', async (chunkSize) => {
    const reference = withoutTiming((await replayX('x-image.ndjson', 'x.request.json', 4096)).event);
    const { event } = await replayX('x-image.ndjson', 'x.request.json', chunkSize);
    expect(withoutTiming(event)).toEqual(reference);
  });

  it.each([
    ['the stop button (isCancel)', X_ENDPOINT, gk('x-cancel.request.json')],
    ['a post', 'https://x.com/i/api/graphql/a1b2c3/CreateTweet', gk('x.request.json')],
    ['starting a Grok conversation', 'https://x.com/i/api/graphql/6cmfJY3d7EPWuCSXWrkOFg/CreateGrokConversation', '{}'],
    ['an attachment upload', 'https://x.com/i/api/2/grok/attachment.json', gk('x.request.json')],
  ])('ignores %s', async (_what, url, body) => {
    const page = testPage([grok, grokOnX], () => ({ body: gk('x.ndjson') }), X_HREF);
    await (await page.win.fetch(url, { method: 'POST', body })).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.sent).toEqual([]);
  });
});
