import { describe, expect, it } from 'vitest';
import { expectSameHoweverChunked, FakeXhr, fixture, postPrompt, sentAtLeast, testPage } from '../../capture/__tests__/fakes';
import { deepseek } from '../deepseek';

const BASE = 'https://chat.deepseek.com/api/v0/chat';
const ENDPOINT = `${BASE}/completion`;
const HREF = 'https://chat.deepseek.com/a/chat/s/7c1f6d2e-4b8a-4f0e-9d3c-2a5b8e1f0c47';
const length = (text: string) => [...text].length;
const ds = (name: string) => fixture('deepseek', name);

/** Send a request through the page's fetch and read the answer as the page would. */
function replay(stream: string, request: string, chunkSize = 97, url = ENDPOINT) {
  const page = testPage([deepseek], () => ({ body: ds(stream), chunkSize }), HREF);
  return postPrompt(page, url, ds(request));
}

const THINKING = {
  reasoning: 'Rayleigh scattering favours short wavelengths; answer in one line.',
  answer: 'Air molecules scatter blue light more than red, so it fills the sky.',
};

describe('DeepSeek adapter', () => {
  it('keeps THINK fragments apart from RESPONSE fragments and names the DeepThink mode', async () => {
    const { event, pageText } = await replay('thinking.sse', 'thinking.request.json');
    expect(pageText).toBe(ds('thinking.sse'));
    expect(event).toMatchObject({
      kind: 'text',
      model: 'deepseek-deepthink',
      modelSource: 'request',
      status: 'complete',
      detector: 'network',
      adapterVersion: deepseek.version,
      inputChars: length('Why is the sky blue? One sentence.'),
      reasoningChars: length(THINKING.reasoning),
      outputChars: length(THINKING.answer),
      images: 0,
    });
    expect(event.reasoningTokens).toBeGreaterThan(8);
    expect(event.outputTokens).toBeGreaterThan(10);
  });

  it('reads an XHR answer whose fragments arrive in BATCH patches', async () => {
    const page = testPage([deepseek], () => ({ body: '' }), HREF);
    FakeXhr.responses.push({ body: ds('chat.sse'), contentType: 'text/event-stream', chunkSize: 41 });
    const xhr = new page.win.XMLHttpRequest();
    xhr.open('POST', ENDPOINT);
    xhr.send(ds('chat.request.json'));
    await sentAtLeast(page, 2);
    expect(xhr.responseText).toBe(ds('chat.sse'));
    expect(page.finals()).toHaveLength(1);
    expect(page.finals()[0]).toMatchObject({
      model: 'deepseek-chat',
      modelSource: 'request',
      status: 'complete',
      inputChars: length('你好，请用一句话介绍你自己。'),
      outputChars: length('你好！我是 DeepSeek，一个乐于助人的 AI 助手。😊'),
      reasoningChars: 0,
    });
  });

  it('records the model the response names, when it names one (2026 streams leave it empty)', async () => {
    const stream = ds('chat.sse').replace('"model": ""', '"model": "DeepSeek-V3.2"');
    const page = testPage([deepseek], () => ({ body: stream }), HREF);
    await (await page.win.fetch(ENDPOINT, { method: 'POST', body: ds('chat.request.json') })).text();
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ model: 'deepseek-v3.2', modelSource: 'response' });
  });

  it('counts neither search tools nor tips, and keeps text whose patch inherits SET', async () => {
    const { event } = await replay('search.sse', 'search.request.json');
    expect(event).toMatchObject({
      model: 'deepseek-deepthink',
      status: 'complete',
      reasoningChars: length("Need today's forecast first.") + length('Sources agree: sunny, 24 °C.'),
      outputChars: length('Sunny in Lisbon today, around 24 °C [citation:1].'),
    });
  });

  it('reads the 2025 stream that predates fragments', async () => {
    const { event } = await replay('legacy.sse', 'legacy.request.json');
    expect(event).toMatchObject({
      status: 'complete',
      reasoningChars: length('Simple arithmetic.'),
      outputChars: length('2 + 2 = 4.'),
    });
  });

  it('marks an answer the user stopped (INCOMPLETE) as interrupted', async () => {
    const { event } = await replay('interrupted.sse', 'chat.request.json');
    expect(event).toMatchObject({
      status: 'interrupted',
      outputChars: length('Once upon a time, a lighthouse keeper'),
    });
  });

  it('marks a hint error (rate limit) as an error with no answer', async () => {
    const { event } = await replay('hint.sse', 'chat.request.json');
    expect(event).toMatchObject({ status: 'error', outputChars: 0, reasoningChars: 0 });
  });

  it('measures what arrived when the stream is cut mid-event', async () => {
    const { event } = await replay('truncated.sse', 'thinking.request.json');
    expect(event).toMatchObject({
      status: 'interrupted',
      reasoningChars: length('Rayleigh scattering.'),
      outputChars: length('Air molecules scatter'),
    });
  });

  it('survives junk in the stream and still measures the real answer', async () => {
    const { event } = await replay('malformed.sse', 'chat.request.json');
    expect(event).toMatchObject({ status: 'complete', outputChars: length('Fine, thanks.'), reasoningChars: 0 });
  });

  it.each([
    ['thinking.sse', 'thinking.request.json'],
    ['chat.sse', 'chat.request.json'],
    ['search.sse', 'search.request.json'],
    ['legacy.sse', 'legacy.request.json'],
    ['interrupted.sse', 'chat.request.json'],
    ['truncated.sse', 'thinking.request.json'],
    ['malformed.sse', 'chat.request.json'],
  ])('measures %s the same however the bytes are chunked', (stream, request) =>
    expectSameHoweverChunked((chunkSize) => replay(stream, request, chunkSize), ds(stream)),
  );

  it('keeps an answer finished on /continue as one event, without recounting its snapshot', async () => {
    const page = testPage(
      [deepseek],
      (url) => ({ body: ds(url.endsWith('/continue') ? 'handoff.continue.sse' : 'handoff.sse') }),
      HREF,
    );
    await (await page.win.fetch(ENDPOINT, { method: 'POST', body: ds('handoff.request.json') })).text();
    await sentAtLeast(page, 2);
    const first = page.finals()[0]!;
    expect(first.status).toBe('interrupted');

    await (await page.win.fetch(`${BASE}/continue`, { method: 'POST', body: ds('handoff.continue.request.json') })).text();
    await sentAtLeast(page, 4);
    const finals = page.finals();
    expect(finals).toHaveLength(1);
    expect(finals[0]).toMatchObject({
      id: first.id,
      status: 'complete',
      inputChars: length('List three prime numbers.'),
      reasoningChars: length('Small primes are easy.'),
      outputChars: length('2, 3 and 5.'),
    });
  });

  it('counts a regenerated answer (no prompt text) and an edited prompt as prompts', async () => {
    const regenerated = await replay('chat.sse', 'regenerate.request.json', 97, `${BASE}/regenerate`);
    expect(regenerated.event).toMatchObject({ inputChars: 0, model: 'deepseek-chat', status: 'complete' });
    const edited = await replay('thinking.sse', 'edit.request.json', 97, `${BASE}/edit_message`);
    expect(edited.event).toMatchObject({
      inputChars: length('用一句话介绍你自己，用英文。'),
      model: 'deepseek-deepthink',
      status: 'complete',
    });
  });

  it.each([
    ['POST', `${BASE}/create_pow_challenge`, '{"target_path":"/api/v0/chat/completion"}'],
    ['POST', `${BASE}/stop_stream`, '{"chat_session_id":"d213f7b1","message_id":2}'],
    ['POST', 'https://chat.deepseek.com/api/v0/chat_session/create', '{}'],
    ['GET', `${BASE}/history_messages?chat_session_id=d213f7b1`, null],
    ['GET', ENDPOINT, null],
    ['POST', ENDPOINT, 'not json'],
  ])('ignores %s %s (not a prompt)', async (method, url, body) => {
    const page = testPage([deepseek], () => ({ body: ds('chat.sse') }), HREF);
    const init: RequestInit = { method };
    if (body !== null) init.body = body;
    await (await page.win.fetch(url, init)).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.sent).toEqual([]);
  });

  it('marks an HTTP error and a JSON refusal envelope as errors', async () => {
    for (const answer of [
      { body: '{"detail":"Too many requests"}', status: 429, contentType: 'application/json' },
      { body: '{"code":0,"msg":"","data":{"biz_code":5,"biz_msg":"user is muted","biz_data":null}}', contentType: 'application/json' },
    ]) {
      const page = testPage([deepseek], () => answer, HREF);
      const response = await page.win.fetch(ENDPOINT, { method: 'POST', body: ds('chat.request.json') });
      expect(await response.text()).toBe(answer.body);
      await sentAtLeast(page, 2);
      expect(page.finals()[0]).toMatchObject({ status: 'error', outputChars: 0 });
    }
  });

  it('marks a stream cut by an abort as interrupted, and the page sees its own abort', async () => {
    const page = testPage([deepseek], () => ({ body: ds('thinking.sse'), failAfter: 900 }), HREF);
    const response = await page.win.fetch(ENDPOINT, { method: 'POST', body: ds('thinking.request.json') });
    await expect(response.text()).rejects.toThrow(/abort/i);
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'interrupted' });
  });
});
