import { describe, expect, it } from 'vitest';
import { expectSameHoweverChunked, fixture, postPrompt, sentAtLeast, testPage } from '../../capture/__tests__/fakes';
import { huggingchat } from '../huggingchat';

const CONVERSATION = 'https://huggingface.co/chat/conversation/68a1f0c2e4b0a1b2c3d4e5f6';
const HREF = 'https://huggingface.co/chat/conversation/68a1f0c2e4b0a1b2c3d4e5f6';
const length = (text: string) => [...text].length;
const hc = (name: string) => fixture('huggingchat', name);

/** The multipart body chat-ui sends: the JSON options in `data`, uploads in `files`. */
function form(dataFixture: string): FormData {
  const body = new FormData();
  body.append('data', hc(dataFixture).trim());
  body.append('files', new File(['\x89PNG'], 'image;cat.png', { type: 'image/png' }));
  return body;
}

function replay(stream: string, data: string, chunkSize = 97) {
  const page = testPage([huggingchat], () => ({ body: hc(stream), chunkSize, contentType: 'application/jsonl' }), HREF);
  return postPrompt(page, CONVERSATION, form(data));
}

describe('HuggingChat adapter', () => {
  it('counts stream tokens without their \\0 padding and records the routed model', async () => {
    const { event, pageText } = await replay('router.jsonl', 'router.data.json');
    expect(pageText).toBe(hc('router.jsonl'));
    expect(event).toMatchObject({
      kind: 'text',
      model: 'qwen/qwen3-235b-a22b-instruct-2507',
      modelSource: 'response',
      status: 'complete',
      detector: 'network',
      adapterVersion: huggingchat.version,
      inputChars: length('Suggest a name for a grey cat.'),
      outputChars: length('How about "Ash" or "Pebble"?'),
      reasoningChars: 0,
      images: 0,
    });
  });

  it('keeps streamed reasoning apart from the answer and skips reasoning status lines', async () => {
    const { event } = await replay('reasoning.jsonl', 'reasoning.data.json');
    expect(event).toMatchObject({
      model: 'deepseek-ai/deepseek-r1-0528',
      status: 'complete',
      reasoningChars: length('A mile is about 1.609 km, so no.'),
      outputChars: length('No: a mile is longer (≈1.61 km).'),
    });
  });

  it('counts each generated image once, and no other files', async () => {
    const { event } = await replay('image.jsonl', 'image.data.json');
    expect(event).toMatchObject({
      kind: 'image',
      task: 'image',
      images: 2,
      status: 'complete',
      outputChars: length('Here is your lighthouse at dusk.'),
    });
  });

  it('counts the final text when the model streamed no tokens', async () => {
    const { event } = await replay('unstreamed.jsonl', 'router.data.json');
    expect(event).toMatchObject({
      status: 'complete',
      model: 'coherelabs/command-a-translate-08-2025',
      outputChars: length('Buenos días a todos.'),
    });
  });

  it('marks an answer the user stopped as interrupted', async () => {
    const { event } = await replay('interrupted.jsonl', 'router.data.json');
    expect(event).toMatchObject({ status: 'interrupted', outputChars: length('The lamp had burned for ninety') });
  });

  it('marks a status error as an error', async () => {
    const { event } = await replay('error.jsonl', 'router.data.json');
    expect(event).toMatchObject({ status: 'error', outputChars: 0 });
  });

  it('reads the older JSON body and unpadded stream with trailing spaces', async () => {
    const page = testPage([huggingchat], () => ({ body: hc('legacy.jsonl'), contentType: 'text/event-stream' }), HREF);
    await (await page.win.fetch(CONVERSATION, { method: 'POST', body: hc('legacy.body.json') })).text();
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({
      status: 'complete',
      inputChars: length('Say hi in French.'),
      outputChars: length('Bonjour !'),
      model: null,
    });
  });

  it('measures what arrived when the stream is cut mid-line', async () => {
    const { event } = await replay('truncated.jsonl', 'router.data.json');
    expect(event).toMatchObject({ status: 'interrupted', outputChars: length('How about'), model: 'qwen/qwen3-235b-a22b-instruct-2507' });
  });

  it('survives junk lines and still measures the real answer', async () => {
    const { event } = await replay('malformed.jsonl', 'router.data.json');
    expect(event).toMatchObject({ status: 'complete', outputChars: length('Fine, thanks.'), reasoningChars: 0, images: 0, model: null });
  });

  it.each([
    ['router.jsonl', 'router.data.json'],
    ['reasoning.jsonl', 'reasoning.data.json'],
    ['image.jsonl', 'image.data.json'],
    ['truncated.jsonl', 'router.data.json'],
    ['malformed.jsonl', 'router.data.json'],
  ])('measures %s the same however the bytes are chunked', (stream, data) =>
    expectSameHoweverChunked((chunkSize) => replay(stream, data, chunkSize), hc(stream)),
  );

  it('keeps an answer extended with "continue" as one event, without recounting its final text', async () => {
    let second = false;
    const page = testPage(
      [huggingchat],
      () => ({ body: hc(second ? 'continue.jsonl' : 'continue.first.jsonl'), contentType: 'application/jsonl' }),
      HREF,
    );
    await (await page.win.fetch(CONVERSATION, { method: 'POST', body: form('continue.first.data.json') })).text();
    await sentAtLeast(page, 2);
    const first = page.finals()[0]!;
    expect(first.status).toBe('interrupted');

    second = true;
    await (await page.win.fetch(CONVERSATION, { method: 'POST', body: form('continue.data.json') })).text();
    await sentAtLeast(page, 4);
    expect(page.finals()).toHaveLength(1);
    expect(page.finals()[0]).toMatchObject({
      id: first.id,
      status: 'complete',
      inputChars: length('Write a haiku about rain.'),
      outputChars: length('Soft rain on the roof, puddles hold the sky.'),
    });
  });

  it('counts a retry (regenerate, no text) and an edit (retry with new text) as prompts', async () => {
    const retried = await replay('router.jsonl', 'retry.data.json');
    expect(retried.event).toMatchObject({ inputChars: 0, status: 'complete' });
    const edited = await replay('router.jsonl', 'edit.data.json');
    expect(edited.event).toMatchObject({ inputChars: length('Suggest a name for a black cat.'), status: 'complete' });
  });

  it.each([
    ['POST', 'https://huggingface.co/chat/conversation', '{"model":"Qwen/Qwen3-235B-A22B-Instruct-2507","preprompt":""}'],
    ['POST', `${CONVERSATION}/stop-generating`, null],
    ['GET', `${CONVERSATION}/stream`, null],
    ['GET', CONVERSATION, null],
    ['POST', 'https://huggingface.co/chat/settings', '{"ethicsModalAccepted":true}'],
    ['POST', 'https://huggingface.co/api/spaces/foo/bar/run', '{"data":"{\\"inputs\\":\\"x\\"}"}'],
    ['POST', 'https://hf.co/chat/conversation/68a1f0c2e4b0a1b2c3d4e5f6', null],
  ])('ignores %s %s (not a prompt)', async (method, url, body) => {
    const page = testPage([huggingchat], () => ({ body: hc('router.jsonl') }), HREF);
    const init: RequestInit = { method, body: body ?? form('router.data.json') };
    if (method === 'GET') delete init.body;
    await (await page.win.fetch(url, init)).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.sent).toEqual([]);
  });

  it('marks an HTTP error answer as an error', async () => {
    const page = testPage(
      [huggingchat],
      () => ({ body: '{"message":"Exceeded number of messages before login"}', status: 429, contentType: 'application/json' }),
      HREF,
    );
    const response = await page.win.fetch(CONVERSATION, { method: 'POST', body: form('router.data.json') });
    expect(response.status).toBe(429);
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'error', outputChars: 0 });
  });

  it('marks a stream cut by an abort as interrupted', async () => {
    const page = testPage([huggingchat], () => ({ body: hc('reasoning.jsonl'), failAfter: 600 }), HREF);
    const response = await page.win.fetch(CONVERSATION, { method: 'POST', body: form('reasoning.data.json') });
    await expect(response.text()).rejects.toThrow(/abort/i);
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'interrupted' });
  });
});
