import { describe, expect, it } from 'vitest';
import { expectSameHoweverChunked, fixture, postPrompt, sentAtLeast, testPage } from '../../capture/__tests__/fakes';
import { perplexity } from '../perplexity';

const ENDPOINT = 'https://www.perplexity.ai/rest/sse/perplexity_ask';
const PAGE = 'https://www.perplexity.ai/search/how-tall-is-the-eiffel-tower-Xk3mP9qRTaW2bVn7';
const length = (text: string) => [...text].length;

const EIFFEL = 'The Eiffel Tower is 330 m (1,083 ft) tall including its antennas[1][2].';

/** Send the fixture's request through the page's fetch and read the answer as the page would. */
function replay(name: string, chunkSize = 97, url = ENDPOINT) {
  const page = testPage([perplexity], () => ({ body: fixture('perplexity', `${name}.sse`), chunkSize }), PAGE);
  return postPrompt(page, url, fixture('perplexity', `${name}.request.json`));
}

describe('Perplexity adapter', () => {
  it('rebuilds the answer from its patches, counts it once and reports the displayed model', async () => {
    const { event, pageText } = await replay('answer');
    expect(pageText).toBe(fixture('perplexity', 'answer.sse'));
    expect(event).toMatchObject({
      kind: 'text',
      model: 'turbo',
      modelSource: 'response',
      status: 'complete',
      detector: 'network',
      adapterVersion: perplexity.version,
      inputChars: length('How tall is the Eiffel Tower?'),
      // Not the section block that repeats its first half, not the sources.
      outputChars: length(EIFFEL),
      reasoningChars: 0,
      images: 0,
    });
    expect(event.outputTokens).toBeGreaterThan(12);
  });

  it('counts the Pro Search plan as reasoning and prefers the answering model over the requested one', async () => {
    const { event } = await replay('pro');
    expect(event).toMatchObject({
      model: 'claude45sonnet',
      modelSource: 'response',
      status: 'complete',
      inputChars: length('Convert 250 EUR to yen'),
      outputChars: length('250 EUR is about ¥40,900 at today’s rate[1].'),
      // Three goals: one inserted before the first, one appended.
      reasoningChars:
        length('Reading the question') + length('Checking the current EUR to JPY rate') + length('Converting 250 EUR at that rate'),
    });
  });

  it('reads the answer from a workflow block (2026-09 shape)', async () => {
    const { event } = await replay('workflow');
    expect(event).toMatchObject({ status: 'complete', outputChars: length('Bonjour means “good day”.') });
  });

  it('measures what arrived when the connection drops mid-frame, with the requested model', async () => {
    const { event } = await replay('truncated');
    expect(event).toMatchObject({
      status: 'interrupted',
      model: 'turbo',
      outputChars: length('The Eiffel Tower is 330 m (1,083 ft) tall '),
    });
  });

  it('trusts only the final frame to say the answer is complete', async () => {
    // The frame before the final one already says COMPLETED (with text_completed); the stream stops there.
    const { event } = await replay('cut-before-final');
    expect(event).toMatchObject({ status: 'interrupted', outputChars: length(EIFFEL) });
  });

  it('counts what has arrived when the tab closes mid-answer', async () => {
    const page = testPage([perplexity], () => ({ body: fixture('perplexity', 'truncated.sse'), hang: true }), PAGE);
    await page.win.fetch(ENDPOINT, { method: 'POST', body: fixture('perplexity', 'truncated.request.json') });
    await sentAtLeast(page, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    page.pagehide();
    expect(page.sent.at(-1)).toMatchObject({
      status: 'interrupted',
      outputChars: length('The Eiffel Tower is 330 m (1,083 ft) tall '),
    });
  });

  it('marks a final frame that reports failure as an error', async () => {
    const { event } = await replay('failed');
    expect(event).toMatchObject({ status: 'error', outputChars: length('The Eiffel Tower is 330 m ') });
  });

  it('survives junk frames and bad patches, and never writes outside its own data', async () => {
    const { event } = await replay('malformed');
    expect(event).toMatchObject({ status: 'complete', model: 'turbo', outputChars: length('Joyful.'), reasoningChars: 0 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['answer', 'pro', 'workflow', 'truncated', 'cut-before-final', 'failed', 'malformed'])(
    'measures %s the same however the bytes are chunked',
    (name) => expectSameHoweverChunked((chunkSize) => replay(name, chunkSize), fixture('perplexity', `${name}.sse`)),
  );

  it('falls back to the requested model when the stream names none', async () => {
    const page = testPage([perplexity], () => ({ body: 'event: end_of_stream\r\ndata: {}\r\n\r\n' }), PAGE);
    await (await page.win.fetch(ENDPOINT, { method: 'POST', body: fixture('perplexity', 'pro.request.json') })).text();
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ model: 'pplx_pro', modelSource: 'request', status: 'interrupted' });
  });

  it.each([
    ['POST', 'https://www.perplexity.ai/rest/sse/perplexity_ask/reconnect/8f0c2a4e-6d1b-4c3a-9e57-2b1f0d8c6a34'],
    ['GET', ENDPOINT],
    ['GET', 'https://www.perplexity.ai/rest/thread/how-tall-is-the-eiffel-tower-Xk3mP9qRTaW2bVn7'],
    ['GET', 'https://www.perplexity.ai/rest/rate-limit/status'],
    ['POST', 'https://www.perplexity.ai/rest/sse/perplexity_terminate'],
  ])('ignores %s %s (not a prompt)', async (method, url) => {
    const page = testPage([perplexity], () => ({ body: fixture('perplexity', 'answer.sse') }), PAGE);
    const init: RequestInit = { method };
    if (method === 'POST') init.body = fixture('perplexity', 'answer.request.json');
    await (await page.win.fetch(url, init)).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.sent).toEqual([]);
  });

  it('ignores a body that is not JSON', async () => {
    const page = testPage([perplexity], () => ({ body: fixture('perplexity', 'answer.sse') }), PAGE);
    await (await page.win.fetch(ENDPOINT, { method: 'POST', body: 'query_str=hello' })).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.sent).toEqual([]);
  });

  it('marks an HTTP error answer as an error', async () => {
    const page = testPage([perplexity], () => ({ body: '{"detail":"Too many requests"}', status: 429, contentType: 'application/json' }), PAGE);
    const response = await page.win.fetch(ENDPOINT, { method: 'POST', body: fixture('perplexity', 'answer.request.json') });
    expect(await response.text()).toBe('{"detail":"Too many requests"}');
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'error', outputChars: 0 });
  });

  it('marks a stream the user stopped (aborted) as interrupted, and the page sees its own abort', async () => {
    const page = testPage([perplexity], () => ({ body: fixture('perplexity', 'answer.sse'), failAfter: 4000 }), PAGE);
    const response = await page.win.fetch(ENDPOINT, { method: 'POST', body: fixture('perplexity', 'answer.request.json') });
    await expect(response.text()).rejects.toThrow(/abort/i);
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'interrupted' });
    expect(page.finals()[0]!.outputChars).toBeGreaterThan(0);
  });
});
