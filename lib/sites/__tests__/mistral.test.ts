import { describe, expect, it, vi } from 'vitest';
import { expectSameHoweverChunked, fixture, postPrompt, sentAtLeast, testPage } from '../../capture/__tests__/fakes';
import { mistral } from '../mistral';

const CHAT = 'https://chat.mistral.ai/api/chat';
const NEW_CHAT = 'https://chat.mistral.ai/api/trpc/message.newChat?batch=1';
const HREF = 'https://chat.mistral.ai/chat/eacb3193-ab5f-429f-b7df-bdef13fab7a5';
const length = (text: string) => [...text].length;
const mi = (name: string) => fixture('mistral', name);

const PROMPT = 'Bonjour ! Peux-tu me conseiller un livre ?';
const START_ANSWER = "Avec plaisir ! Essayez « L'Étranger » de Camus : court et marquant.";

/** Answers /api/chat with `stream` and the tRPC call with its chat id. */
function page(stream: string, chunkSize = 97) {
  return testPage(
    [mistral],
    (url) =>
      url.includes('/api/trpc/')
        ? { body: mi('newchat.trpc.json'), contentType: 'application/json' }
        : { body: mi(stream), chunkSize, contentType: 'text/plain' },
    HREF,
  );
}

function replay(stream: string, request: string, chunkSize = 97) {
  return postPrompt(page(stream, chunkSize), CHAT, mi(request));
}

/**
 * A new chat: the tRPC call with the prompt, then at once /api/chat in "start"
 * mode. The prompt's turn is recorded (and closed) when the tRPC call leaves,
 * then reopened by the answer: three measurements.
 */
async function newChat(stream: string, chunkSize = 97) {
  const tab = page(stream, chunkSize);
  await (await tab.win.fetch(NEW_CHAT, { method: 'POST', body: mi('newchat.request.json') })).json();
  const response = await tab.win.fetch(CHAT, { method: 'POST', body: mi('start.request.json') });
  const pageText = await response.text();
  await sentAtLeast(tab, 3);
  return { tab, pageText };
}

describe('Mistral Le Chat adapter', () => {
  it('joins a new chat prompt (tRPC) and its answer (/api/chat start) into one event', async () => {
    const { tab, pageText } = await newChat('start.stream');
    expect(pageText).toBe(mi('start.stream'));
    const finals = tab.finals();
    expect(finals).toHaveLength(1);
    expect(finals[0]).toMatchObject({
      kind: 'text',
      status: 'complete',
      detector: 'network',
      adapterVersion: mistral.version,
      inputChars: length(PROMPT),
      outputChars: length(START_ANSWER),
      reasoningChars: 0,
      model: null,
    });
    expect(tab.sent[0]!.id).toBe(finals[0]!.id);
  });

  it('counts a follow-up, the model the answer names, and a restated text only once', async () => {
    const { event } = await replay('append.stream', 'append.request.json');
    expect(event).toMatchObject({
      status: 'complete',
      model: 'mistral-medium-2508',
      modelSource: 'response',
      inputChars: length('Et un roman plus long ?'),
      outputChars: length('« Les Misérables » de Hugo, si vous avez du temps.'),
    });
  });

  it('keeps reasoning chunks apart from the answer', async () => {
    const { event } = await replay('reasoning.stream', 'append.request.json');
    expect(event).toMatchObject({
      status: 'complete',
      model: 'magistral-medium-2509',
      reasoningChars: length("L'utilisateur veut un classique. Court de préférence. Bref."),
      outputChars: length('Essayez « Candide » de Voltaire.'),
    });
  });

  it('reads the older Vercel data stream and the model named in the request', async () => {
    const { event } = await replay('legacy.stream', 'legacy.request.json');
    expect(event).toMatchObject({
      status: 'complete',
      model: 'mistral-large-2411',
      modelSource: 'request',
      inputChars: length('Say hello in Italian.'),
      outputChars: length('Ciao a tutti! 👋'),
    });
  });

  it('marks a failed generation as an error, in either stream format', async () => {
    const { event } = await replay('error.stream', 'append.request.json');
    expect(event).toMatchObject({ status: 'error', outputChars: length('Je réfléchis') });
    const legacy = await replay('legacy-error.stream', 'legacy.request.json');
    expect(legacy.event).toMatchObject({ status: 'error', outputChars: length('Ciao') });
  });

  it('measures what arrived when the stream is cut mid-line', async () => {
    const { event } = await replay('truncated.stream', 'append.request.json');
    expect(event).toMatchObject({ status: 'interrupted', model: 'mistral-medium-2508', outputChars: length('Avec plaisir') });
  });

  it('survives junk and counts only patches of the assistant message', async () => {
    const { event } = await replay('malformed.stream', 'append.request.json');
    expect(event).toMatchObject({ status: 'complete', outputChars: length('Très bien.'), reasoningChars: 0, model: null });
  });

  it.each(['append.stream', 'reasoning.stream', 'legacy.stream', 'truncated.stream', 'malformed.stream'])(
    'measures %s the same however the bytes are chunked',
    (stream) => expectSameHoweverChunked((chunkSize) => replay(stream, 'append.request.json', chunkSize), mi(stream)),
  );

  it('joins the answer to a new chat whose tRPC reply the tap has not seen end', async () => {
    // The page starts the answer while the reply has not ended for the tap: here a reply that
    // stays open, as a streamed tRPC batch does; in Firefox the tap's copy lags the page's (2026-11).
    const tab = testPage(
      [mistral],
      (url) =>
        url.includes('/api/trpc/')
          ? { body: mi('newchat.trpc.json'), contentType: 'application/json', hang: true }
          : { body: mi('start.stream'), contentType: 'text/plain' },
      HREF,
    );
    await tab.win.fetch(NEW_CHAT, { method: 'POST', body: mi('newchat.request.json') });
    await (await tab.win.fetch(CHAT, { method: 'POST', body: mi('start.request.json') })).text();
    await vi.waitFor(() => expect(tab.sent.at(-1)?.status).toBe('complete'));
    expect(tab.finals()).toHaveLength(1);
    expect(tab.finals()[0]).toMatchObject({ inputChars: length(PROMPT), outputChars: length(START_ANSWER), status: 'complete' });
  });

  it('records a new chat whose answer never starts as an interrupted prompt', async () => {
    const tab = page('start.stream');
    await tab.win.fetch(NEW_CHAT, { method: 'POST', body: mi('newchat.request.json') });
    await sentAtLeast(tab, 1);
    expect(tab.finals()).toEqual([expect.objectContaining({ inputChars: length(PROMPT), outputChars: 0, status: 'interrupted' })]);
  });

  it.each([1, 3, 64])('joins a new chat the same in %i-byte chunks', async (chunkSize) => {
    const { tab } = await newChat('start.stream', chunkSize);
    expect(tab.finals()).toHaveLength(1);
    expect(tab.finals()[0]).toMatchObject({ inputChars: length(PROMPT), outputChars: length(START_ANSWER) });
  });

  it('counts a retry (a new answer, no new text) as a prompt', async () => {
    const { event } = await replay('append.stream', 'retry.request.json');
    expect(event).toMatchObject({ inputChars: 0, status: 'complete' });
  });

  it('counts an answer started for a chat it did not see created, without prompt text', async () => {
    const { event } = await replay('start.stream', 'start.request.json');
    expect(event).toMatchObject({ inputChars: 0, outputChars: length(START_ANSWER), status: 'complete' });
  });

  it.each([
    ['GET', 'https://chat.mistral.ai/api/trpc/chat.byId,message.all?batch=1&input=%7B%7D'],
    ['POST', 'https://chat.mistral.ai/api/trpc/event.sendEventToDatalake?batch=1'],
    ['POST', 'https://chat.mistral.ai/api/trpc/user.acceptToS?batch=1'],
    ['GET', CHAT],
    ['POST', 'https://chat.mistral.ai/api/chat/stop'],
  ])('ignores %s %s (not a prompt)', async (method, url) => {
    const tab = page('start.stream');
    const init: RequestInit = { method };
    if (method === 'POST') init.body = mi('newchat.request.json');
    await (await tab.win.fetch(url, init)).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tab.sent).toEqual([]);
  });

  it('finds the new chat procedure in a batch of several', async () => {
    const batch = JSON.stringify({ '0': { json: { name: 'prompt_submitted' } }, '1': JSON.parse(mi('newchat.request.json'))['0'] });
    const tab = page('start.stream');
    await (
      await tab.win.fetch('https://chat.mistral.ai/api/trpc/event.sendEventToDatalake,message.newChat?batch=1', {
        method: 'POST',
        body: batch,
      })
    ).text();
    await sentAtLeast(tab, 1);
    expect(tab.finals()[0]).toMatchObject({ inputChars: length(PROMPT) });
  });

  it('marks an HTTP error and an aborted stream', async () => {
    const failing = testPage([mistral], () => ({ body: '{"error":"rate limited"}', status: 429 }), HREF);
    await (await failing.win.fetch(CHAT, { method: 'POST', body: mi('append.request.json') })).text();
    await sentAtLeast(failing, 2);
    expect(failing.finals()[0]).toMatchObject({ status: 'error', outputChars: 0 });

    const aborted = testPage([mistral], () => ({ body: mi('append.stream'), failAfter: 700 }), HREF);
    const response = await aborted.win.fetch(CHAT, { method: 'POST', body: mi('append.request.json') });
    await expect(response.text()).rejects.toThrow(/abort/i);
    await sentAtLeast(aborted, 2);
    expect(aborted.finals()[0]).toMatchObject({ status: 'interrupted' });
  });
});
