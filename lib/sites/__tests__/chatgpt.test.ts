import { describe, expect, it } from 'vitest';
import { expectSameHoweverChunked, fixture, postPrompt, sentAtLeast, testPage } from '../../capture/__tests__/fakes';
import { chatgpt } from '../chatgpt';

const ENDPOINT = 'https://chatgpt.com/backend-api/f/conversation';
const length = (text: string) => [...text].length;

/** Send the fixture's request through the page's fetch and read the answer as the page would. */
function replay(name: string, chunkSize = 97, url = ENDPOINT) {
  const page = testPage([chatgpt], () => ({ body: fixture('chatgpt', `${name}.sse`), chunkSize }));
  return postPrompt(page, url, fixture('chatgpt', `${name}.request.json`));
}

describe('ChatGPT adapter', () => {
  it('keeps reasoning apart from the answer and reports the thinking model', async () => {
    const { event, pageText } = await replay('thinking');
    expect(pageText).toBe(fixture('chatgpt', 'thinking.sse'));
    expect(event).toMatchObject({
      kind: 'text',
      model: 'gpt-5-2-thinking',
      modelSource: 'response',
      status: 'complete',
      detector: 'network',
      adapterVersion: chatgpt.version,
      inputChars: length('What temperature does water boil at 2000 m? Explain briefly.'),
      outputChars: length('At 2,000 m water boils at about 93 °C. Lower pressure means a lower boiling point.'),
      reasoningChars: length('Checking the facts') + length('The user asks for the boiling point of water at altitude.'),
      images: 0,
    });
    expect(event.outputTokens).toBeGreaterThan(10);
    expect(event.reasoningTokens).toBeGreaterThan(8);
    expect(event.durationMs).toBeGreaterThan(0);
  });

  it('records the model that answered, not the one requested ("auto")', async () => {
    const { event } = await replay('routed');
    expect(event).toMatchObject({
      model: 'gpt-5-3',
      modelSource: 'response',
      status: 'complete',
      outputChars: length('¡Hola! Todo bien, ¿y tú?'),
      reasoningChars: 0,
      inputChars: length('hola, ¿qué tal?'),
    });
  });

  it('counts an image-tool turn as an image generation', async () => {
    const { event } = await replay('image');
    const toolCall = '{"prompt":"watercolor fox sleeping under a birch tree","size":"1024x1024","n":1}';
    expect(event).toMatchObject({
      kind: 'image',
      task: 'image',
      images: 1,
      model: 'gpt-5-3',
      status: 'complete',
      // The tool call is generated text too; the tool's own "Processing image" note is not.
      outputChars: length(toolCall) + length('Here is your sleeping fox.'),
    });
  });

  it('marks a turn the user stopped as interrupted', async () => {
    const { event } = await replay('interrupted');
    expect(event).toMatchObject({ status: 'interrupted', outputChars: length('The lamp had burned for ninety years') });
  });

  it('measures what arrived when the connection drops mid-event', async () => {
    const { event } = await replay('truncated');
    expect(event).toMatchObject({
      status: 'interrupted',
      model: 'gpt-5-2-thinking',
      outputChars: length('At 2,000 m water boils at about 93 °C. Lower pressure'),
      reasoningChars: length('Checking the facts') + length('The user asks for the boiling point of water at altitude.'),
    });
  });

  it('reads the pre-v1 cumulative stream without counting text twice', async () => {
    const { event } = await replay('legacy', 97, 'https://chatgpt.com/backend-api/conversation');
    expect(event).toMatchObject({
      model: 'gpt-4o',
      status: 'complete',
      outputChars: length('Prince Hamlet seeks revenge on his uncle. Nearly everyone dies.'),
    });
  });

  it('survives junk in the stream and still measures the real answer', async () => {
    const { event } = await replay('malformed');
    expect(event).toMatchObject({ status: 'complete', model: 'gpt-5-3', outputChars: length('Joyful.'), reasoningChars: 0 });
  });

  it.each(['thinking', 'routed', 'image', 'interrupted', 'truncated', 'malformed'])(
    'measures %s the same however the bytes are chunked',
    (name) => expectSameHoweverChunked((chunkSize) => replay(name, chunkSize), fixture('chatgpt', `${name}.sse`)),
  );

  it('keeps a thinking turn continued on /resume as one event', async () => {
    const page = testPage([chatgpt], (url) => ({
      body: fixture('chatgpt', url.endsWith('/resume') ? 'handoff.resume.sse' : 'handoff.sse'),
    }));
    await (await page.win.fetch(ENDPOINT, { method: 'POST', body: fixture('chatgpt', 'handoff.request.json') })).text();
    await sentAtLeast(page, 2);
    const first = page.finals()[0]!;
    expect(first.status).toBe('interrupted');

    await (
      await page.win.fetch(`${ENDPOINT}/resume`, { method: 'POST', body: fixture('chatgpt', 'handoff.resume.request.json') })
    ).text();
    await sentAtLeast(page, 4);
    const finals = page.finals();
    expect(finals).toHaveLength(1);
    expect(finals[0]).toMatchObject({
      id: first.id,
      at: first.at,
      status: 'complete',
      reasoningChars: length('Setting up a contradiction') + length('Assume sqrt(2) = p/q in lowest terms.'),
      outputChars: length('Then p² = 2q², so p is even; then q is even too, a contradiction.'),
    });
    expect(finals[0]!.durationMs).toBeGreaterThan(first.durationMs);
  });

  it.each([
    ['POST', 'https://chatgpt.com/backend-api/f/conversation/prepare'],
    ['POST', 'https://chatgpt.com/backend-api/conversation/init'],
    ['GET', 'https://chatgpt.com/backend-api/f/conversation/6920f1c4/stream_status'],
    ['GET', 'https://chatgpt.com/backend-api/conversation/6920f1c4'],
    ['GET', 'https://chatgpt.com/backend-api/f/conversation'],
  ])('ignores %s %s (not a prompt)', async (method, url) => {
    const page = testPage([chatgpt], () => ({ body: fixture('chatgpt', 'routed.sse') }));
    const init: RequestInit = { method };
    if (method === 'POST') init.body = fixture('chatgpt', 'routed.request.json');
    await (await page.win.fetch(url, init)).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.sent).toEqual([]);
  });

  it('counts a regenerated answer (action "variant") as a prompt', async () => {
    const body = JSON.parse(fixture('chatgpt', 'routed.request.json')) as Record<string, unknown>;
    const page = testPage([chatgpt], () => ({ body: fixture('chatgpt', 'routed.sse') }));
    await (await page.win.fetch(ENDPOINT, { method: 'POST', body: JSON.stringify({ ...body, action: 'variant' }) })).text();
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'complete', model: 'gpt-5-3' });
  });

  it('reads a Request object body, as the page may pass one', async () => {
    const page = testPage([chatgpt], () => ({ body: fixture('chatgpt', 'routed.sse') }));
    const request = new Request(ENDPOINT, { method: 'POST', body: fixture('chatgpt', 'routed.request.json') });
    await (await page.win.fetch(request)).text();
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ inputChars: length('hola, ¿qué tal?'), status: 'complete' });
  });

  it('marks an HTTP error answer as an error', async () => {
    const page = testPage([chatgpt], () => ({ body: '{"detail":"Too many requests"}', status: 429, contentType: 'application/json' }));
    const response = await page.win.fetch(ENDPOINT, { method: 'POST', body: fixture('chatgpt', 'routed.request.json') });
    expect(response.status).toBe(429);
    expect(await response.text()).toBe('{"detail":"Too many requests"}');
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'error', outputChars: 0 });
  });

  it('marks a stream cut by an abort as interrupted, and the page sees its own abort', async () => {
    const page = testPage([chatgpt], () => ({ body: fixture('chatgpt', 'thinking.sse'), failAfter: 2000 }));
    const response = await page.win.fetch(ENDPOINT, { method: 'POST', body: fixture('chatgpt', 'thinking.request.json') });
    await expect(response.text()).rejects.toThrow(/abort/i);
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'interrupted' });
  });
});
