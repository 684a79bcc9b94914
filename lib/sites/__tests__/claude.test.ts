import { describe, expect, it } from 'vitest';
import { expectSameHoweverChunked, fixture, postPrompt, sentAtLeast, testPage } from '../../capture/__tests__/fakes';
import { claude } from '../claude';

const ORG = 'https://claude.ai/api/organizations/5e1f9a2c-7b3d-4e8f-a0c1-2d4b6f8e0a13';
const CONVERSATIONS = `${ORG}/chat_conversations`;
const PAGE = 'https://claude.ai/chat/2b7c0e55-4f0a-4c1e-9d3b-8a61f0c2e7d4';
const length = (text: string) => [...text].length;

/** Each test talks in its own conversation: the adapter remembers models per conversation. */
let conversations = 0;
function newConversation(): string {
  return `0c5d2e8a-1f4b-4a7c-9e3d-${String(++conversations).padStart(12, '0')}`;
}
const completion = (conversation: string, retry = false) =>
  `${CONVERSATIONS}/${conversation}/${retry ? 'retry_' : ''}completion`;

/** Send the fixture's request through the page's fetch and read the answer as the page would. */
function replay(name: string, chunkSize = 97, url = completion(newConversation()), request = `${name}.request.json`) {
  const page = testPage([claude], () => ({ body: fixture('claude', `${name}.sse`), chunkSize }), PAGE);
  return postPrompt(page, url, fixture('claude', request));
}

describe('Claude adapter', () => {
  it('keeps summarised thinking apart from the answer and reports the answering model', async () => {
    const { event, pageText } = await replay('thinking');
    expect(pageText).toBe(fixture('claude', 'thinking.sse'));
    expect(event).toMatchObject({
      kind: 'text',
      model: 'claude-opus-4-5-20251101',
      modelSource: 'response',
      status: 'complete',
      detector: 'network',
      adapterVersion: claude.version,
      inputChars: length('Why is the sky blue? One paragraph.'),
      outputChars: length(
        'Sunlight scatters off air molecules, and blue light scatters far more than red (Rayleigh scattering ∝ 1/λ⁴).',
      ),
      reasoningChars: length('Recalling Rayleigh scattering. Short wavelengths scatter most.'),
      images: 0,
    });
    expect(event.outputTokens).toBeGreaterThan(15);
    expect(event.reasoningTokens).toBeGreaterThan(5);
  });

  it('counts raw thinking once, ignoring summaries of it, and falls back to the requested model', async () => {
    const { event } = await replay('raw-thinking');
    expect(event).toMatchObject({
      model: 'claude-sonnet-4-5-20250929',
      modelSource: 'request',
      status: 'complete',
      reasoningChars: length('2^25 - 1 = 33554431. ') + length('Since 5 divides 25, 2^5 - 1 = 31 divides it.'),
      // The text block opened with "No:" already in it.
      outputChars: length('No: 33 554 431 = 31 × 1 082 401.'),
    });
  });

  it('takes the model from the request that created the conversation when the completion omits it', async () => {
    const conversation = newConversation();
    const page = testPage([claude], (url) => ({ body: url.endsWith('/completion') ? fixture('claude', 'followup.sse') : '{}' }), PAGE);
    const creation = { uuid: conversation, name: '', model: 'claude-haiku-4-5-20251001', include_conversation_preferences: true };
    await (await page.win.fetch(CONVERSATIONS, { method: 'POST', body: JSON.stringify(creation) })).text();
    await (await page.win.fetch(completion(conversation), { method: 'POST', body: fixture('claude', 'followup.request.json') })).text();
    await sentAtLeast(page, 2);
    expect(page.finals()).toHaveLength(1);
    expect(page.finals()[0]).toMatchObject({
      model: 'claude-haiku-4-5-20251001',
      modelSource: 'request',
      status: 'complete',
      inputChars: length('Et en français ?'),
      outputChars: length('Le ciel est bleu à cause de la diffusion Rayleigh.'),
    });
  });

  it('remembers the model a completion asked for, for the next completions of that conversation', async () => {
    const conversation = newConversation();
    const page = testPage([claude], () => ({ body: fixture('claude', 'followup.sse') }), PAGE);
    await (await page.win.fetch(completion(conversation), { method: 'POST', body: fixture('claude', 'raw-thinking.request.json') })).text();
    await (await page.win.fetch(completion(conversation), { method: 'POST', body: fixture('claude', 'followup.request.json') })).text();
    await sentAtLeast(page, 4);
    expect(page.finals().map((event) => event.model)).toEqual(['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929']);
  });

  it('reports no model when neither the stream, the body nor the conversation names one', async () => {
    const { event } = await replay('followup');
    expect(event).toMatchObject({ model: null, modelSource: 'unknown', status: 'complete' });
  });

  it('forgets the oldest conversations beyond a bound', async () => {
    const first = newConversation();
    const page = testPage([claude], (url) => ({ body: url.endsWith('/completion') ? fixture('claude', 'followup.sse') : '{}' }), PAGE);
    for (const uuid of [first, ...Array.from({ length: 32 }, newConversation)]) {
      await (await page.win.fetch(CONVERSATIONS, { method: 'POST', body: JSON.stringify({ uuid, model: 'claude-opus-4-5' }) })).text();
    }
    await (await page.win.fetch(completion(first), { method: 'POST', body: fixture('claude', 'followup.request.json') })).text();
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ model: null, modelSource: 'unknown' });
  });

  it('counts a regenerated answer (retry_completion) as a prompt without input text', async () => {
    const conversation = newConversation();
    const page = testPage([claude], (url) => ({ body: url.endsWith('completion') ? fixture('claude', 'followup.sse') : '{}' }), PAGE);
    await (await page.win.fetch(CONVERSATIONS, { method: 'POST', body: JSON.stringify({ uuid: conversation, model: 'claude-opus-4-5-20251101' }) })).text();
    await (await page.win.fetch(completion(conversation, true), { method: 'POST', body: fixture('claude', 'retry.request.json') })).text();
    await sentAtLeast(page, 2);
    expect(page.finals()).toHaveLength(1);
    expect(page.finals()[0]).toMatchObject({
      inputChars: 0,
      model: 'claude-opus-4-5-20251101',
      modelSource: 'request',
      status: 'complete',
      outputChars: length('Le ciel est bleu à cause de la diffusion Rayleigh.'),
    });
  });

  it('counts tool calls and artifacts the model writes, not the tool results it reads', async () => {
    const { event } = await replay('tools');
    expect(event).toMatchObject({
      model: 'claude-sonnet-4-5-20250929',
      status: 'complete',
      outputChars:
        length('{"query": "Oslo weather"}') +
        length('Oslo: cloudy, 7 °C.') +
        length('{"id": "haiku", "type": "text/markdown", "title": "Autumn", "content": "Red leaves drift down"}'),
      reasoningChars: 0,
    });
  });

  it('marks an error event as an error and keeps what was answered before it', async () => {
    const { event } = await replay('error');
    expect(event).toMatchObject({ status: 'error', outputChars: length('Napoleon invades Russia.') });
  });

  it('measures what arrived when the connection drops mid-event', async () => {
    const { event } = await replay('truncated');
    expect(event).toMatchObject({
      status: 'interrupted',
      model: 'claude-haiku-4-5-20251001',
      outputChars: length('The lamp had burned '),
    });
  });

  it('survives junk in the stream, and message_limit is no answer', async () => {
    const { event } = await replay('malformed');
    expect(event).toMatchObject({
      status: 'complete',
      model: 'claude-haiku-4-5-20251001',
      modelSource: 'response',
      outputChars: length('Joyful.'),
      reasoningChars: 0,
    });
  });

  it.each(['thinking', 'raw-thinking', 'tools', 'error', 'truncated', 'malformed'])(
    'measures %s the same however the bytes are chunked',
    (name) => expectSameHoweverChunked((chunkSize) => replay(name, chunkSize), fixture('claude', `${name}.sse`)),
  );

  it.each([
    ['POST', CONVERSATIONS],
    ['GET', CONVERSATIONS],
    ['GET', `${CONVERSATIONS}/2b7c0e55-4f0a-4c1e-9d3b-8a61f0c2e7d4?tree=True&rendering_mode=messages`],
    ['PUT', `${CONVERSATIONS}/2b7c0e55-4f0a-4c1e-9d3b-8a61f0c2e7d4`],
    ['POST', `${CONVERSATIONS}/2b7c0e55-4f0a-4c1e-9d3b-8a61f0c2e7d4/title`],
    ['POST', `${CONVERSATIONS}/2b7c0e55-4f0a-4c1e-9d3b-8a61f0c2e7d4/stop_response`],
    ['GET', `${CONVERSATIONS}/2b7c0e55-4f0a-4c1e-9d3b-8a61f0c2e7d4/completion`],
    ['POST', `${ORG}/chat_conversations/2b7c0e55-4f0a-4c1e-9d3b-8a61f0c2e7d4/completion/status`],
  ])('ignores %s %s (not a prompt)', async (method, url) => {
    const page = testPage([claude], () => ({ body: fixture('claude', 'thinking.sse') }), PAGE);
    const init: RequestInit = { method };
    if (method !== 'GET') init.body = fixture('claude', 'thinking.request.json');
    await (await page.win.fetch(url, init)).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.sent).toEqual([]);
  });

  it('reads a Request object body, as the page may pass one', async () => {
    const page = testPage([claude], () => ({ body: fixture('claude', 'thinking.sse') }), PAGE);
    const request = new Request(completion(newConversation()), { method: 'POST', body: fixture('claude', 'thinking.request.json') });
    await (await page.win.fetch(request)).text();
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ inputChars: length('Why is the sky blue? One paragraph.'), status: 'complete' });
  });

  it('marks a refused send (HTTP 429, JSON body) as an error and leaves the page its body', async () => {
    const refusal = '{"type":"error","error":{"type":"rate_limit_error","message":"{\\"type\\":\\"exceeded_limit\\"}"}}';
    const page = testPage([claude], () => ({ body: refusal, status: 429, contentType: 'application/json' }), PAGE);
    const response = await page.win.fetch(completion(newConversation()), { method: 'POST', body: fixture('claude', 'thinking.request.json') });
    expect(await response.text()).toBe(refusal);
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'error', outputChars: 0 });
  });

  it('marks a stream the user stopped (aborted) as interrupted, and the page sees its own abort', async () => {
    const page = testPage([claude], () => ({ body: fixture('claude', 'thinking.sse'), failAfter: 1500 }), PAGE);
    const response = await page.win.fetch(completion(newConversation()), { method: 'POST', body: fixture('claude', 'thinking.request.json') });
    await expect(response.text()).rejects.toThrow(/abort/i);
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'interrupted', reasoningChars: length('Recalling Rayleigh scattering. Short wavelengths scatter most.') });
  });
});
