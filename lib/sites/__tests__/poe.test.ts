import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../event';
import { expectSameHoweverChunked, FakeSocket, FakeXhr, fixture, sentAtLeast, testPage, type TestPage } from '../../capture/__tests__/fakes';
import { poeAdapter } from '../poe';

const GRAPHQL = 'https://poe.com/api/gql_POST';
const CHANNEL = 'wss://tch482913.tch.poe.com/up/chan53-8888/updates?min_seq=1853420000&channel=poe-chan53-8888-epvwaoixsrcsxrcglfuj&hash=17493658243012345678';
const length = (text: string) => [...text].length;

function poePage({ chunkSize = 97, status = 200 } = {}) {
  const adapter = poeAdapter();
  // Each request's response is the fixture named after the request fixture it sent.
  const responses = new Map<string, string>();
  const page = testPage(
    [adapter],
    (_url, init) => ({
      body: responses.get(String(init?.body)) ?? '{"data":{}}',
      contentType: 'application/json',
      chunkSize,
      status,
    }),
    'https://poe.com/chat/2zn12dg7eyw6cs8rmpy',
  );
  new page.win.WebSocket(CHANNEL);
  const channel = FakeSocket.last!;
  return {
    page,
    channel,
    /** Sends a prompt request through the page's fetch and reads the answer as the page would. */
    async send(name: string) {
      const body = fixture('poe', `${name}.request.json`);
      responses.set(body, fixture('poe', `${name}.response.json`));
      return (await page.win.fetch(GRAPHQL, { method: 'POST', body })).text();
    },
    frames(name: string) {
      for (const frame of fixture('poe', `${name}.frames`).split('\n')) if (frame) channel.serverSends(frame);
    },
  };
}

/** The usual order: the mutation's response first, then the answer over the channel. */
async function converse(name: string, chunkSize?: number) {
  const poe = poePage({ chunkSize });
  const pageText = await poe.send(name);
  await sentAtLeast(poe.page, 2);
  poe.frames(name);
  return { ...poe, pageText, events: await settle(poe.page) };
}

async function settle(page: TestPage): Promise<Measurement[]> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return page.finals();
}

describe('Poe adapter', () => {
  it('measures a prompt sent over HTTP and answered over the channel as one event', async () => {
    const { events, page, pageText } = await converse('existing');
    expect(pageText).toBe(fixture('poe', 'existing.response.json'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'text',
      model: 'claude_3_igloo',
      modelSource: 'response',
      status: 'complete',
      detector: 'network',
      inputChars: length('Explain photosynthesis in one sentence.'),
      outputChars: length('Photosynthesis turns light, water and CO₂ into sugar and oxygen.'),
      reasoningChars: 0,
      images: 0,
    });
    // The HTTP response ended the turn first (provisionally interrupted); the answer reopened it.
    expect(page.sent.some((sent) => sent.status === 'interrupted' && sent.id === events[0]!.id)).toBe(true);
    expect(events[0]!.durationMs).toBeGreaterThan(page.sent[0]!.durationMs);
  });

  it('follows a new chat, whose id the mutation response reveals', async () => {
    const poe = poePage();
    await poe.send('newchat');
    await sentAtLeast(poe.page, 2);
    const [, ...answer] = fixture('poe', 'newchat.frames').split('\n').filter(Boolean);
    for (const frame of answer) poe.channel.serverSends(frame);
    const events = await settle(poe.page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      model: 'capybara',
      status: 'complete',
      inputChars: length('¿Qué es un año bisiesto?'),
      outputChars: length('Un año bisiesto tiene 366 días: febrero suma un día, el 29, cada cuatro años.'),
    });
  });

  it('binds a new chat through the echoed clientNonce when the answer streams before the response ends', async () => {
    const poe = poePage();
    const body = fixture('poe', 'newchat.request.json');
    FakeXhr.responses.push({ body: '{"data":{"messageEdgeCreate":{"status":"success","chat":null}}}', contentType: 'application/json' });
    const xhr = new poe.page.win.XMLHttpRequest();
    xhr.open('POST', GRAPHQL);
    const loaded = new Promise((resolve) => xhr.addEventListener('load', resolve));
    xhr.send(body);
    poe.frames('newchat');
    await loaded;
    const events = await settle(poe.page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      status: 'complete',
      inputChars: length('¿Qué es un año bisiesto?'),
      outputChars: length('Un año bisiesto tiene 366 días: febrero suma un día, el 29, cada cuatro años.'),
    });
  });

  it('records the requested bot when no answer arrives', async () => {
    const poe = poePage();
    await poe.send('existing');
    const events = await settle(poe.page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ model: 'claude_3_igloo', modelSource: 'request', status: 'interrupted', outputChars: 0 });
  });

  it('adds up every bot message that answers one prompt and records the last bot', async () => {
    const { events } = await converse('search');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      model: 'gpt_5',
      modelSource: 'response',
      status: 'complete',
      outputChars:
        length('Searching the web for: 2026 Tour de France winner') +
        length('According to the results, Tadej Pogačar won the 2026 Tour de France.'),
    });
  });

  it('counts an image a bot links from poecdn', async () => {
    const { events } = await converse('image');
    expect(events[0]).toMatchObject({ kind: 'image', task: 'image', images: 1, model: 'dalle3', status: 'complete' });
  });

  it('marks an answer the user stopped as interrupted', async () => {
    const { events } = await converse('cancelled');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: 'interrupted', outputChars: length("Leaves let go of the maple's hand,\nand drift") });
  });

  it('ends the answer on messageCancelled alone', async () => {
    const poe = poePage();
    await poe.send('cancelled');
    await sentAtLeast(poe.page, 2);
    const frames = fixture('poe', 'cancelled.frames').split('\n').filter(Boolean);
    for (const frame of frames.slice(0, 3)) poe.channel.serverSends(frame);
    const events = await settle(poe.page);
    expect(events).toEqual([expect.objectContaining({ status: 'interrupted' })]);
    expect(poe.page.sent.at(-1)).toMatchObject({ outputChars: length("Leaves let go of the maple's hand,\nand drift") });
    // The turn is over: the channel closing later has nothing left to end.
    const emitted = poe.page.sent.length;
    poe.channel.close();
    await settle(poe.page);
    expect(poe.page.sent.length).toBe(emitted);
  });

  it('marks a bot message that failed as an error', async () => {
    const { events } = await converse('failed');
    expect(events[0]).toMatchObject({ status: 'error', outputChars: 0 });
  });

  it('marks a refused prompt as an error and waits for no answer', async () => {
    const poe = poePage();
    await poe.send('limited');
    poe.frames('existing');
    const events = await settle(poe.page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: 'error', outputChars: 0, inputChars: length('One more question') });
  });

  it('marks an HTTP error as an error and ignores later frames for that chat', async () => {
    const poe = poePage({ status: 429 });
    expect(await poe.send('existing')).toBe(fixture('poe', 'existing.response.json'));
    await sentAtLeast(poe.page, 2);
    poe.frames('existing');
    const events = await settle(poe.page);
    expect(events).toEqual([expect.objectContaining({ status: 'error', outputChars: 0 })]);
  });

  it('keeps a prompt sent again at a new price as one event', async () => {
    const poe = poePage();
    await poe.send('repriced');
    await poe.send('repriced.resend');
    poe.frames('repriced');
    const events = await settle(poe.page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      status: 'complete',
      inputChars: length('Compare Rust and Go for CLI tools'),
      outputChars: length('Rust gives you speed and safety; Go gives you fast builds and simple concurrency.'),
    });
  });

  it('counts a regenerated answer as a prompt, bound through the message it rewrites', async () => {
    const { events } = await converse('regenerate');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      status: 'complete',
      inputChars: 0,
      model: 'claude_3_igloo',
      outputChars: length('Plants use sunlight to make sugar from water and carbon dioxide, releasing oxygen.'),
    });
  });

  it('survives junk, stale and duplicated frames without a wrong count', async () => {
    const { events } = await converse('messy');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: 'complete', model: 'capybara', outputChars: length('Elation.') });
  });

  it('reads a prompt sent with attachments as multipart to the upload endpoint', async () => {
    const poe = poePage();
    const form = new FormData();
    form.set('queryInfo', fixture('poe', 'existing.request.json'));
    form.set('file0', new Blob(['{"pose":"tree"}'], { type: 'application/json' }), 'pose.json');
    await (await poe.page.win.fetch('https://poe.com/api/gql_upload_POST', { method: 'POST', body: form })).text();
    await sentAtLeast(poe.page, 2);
    poe.frames('existing');
    const events = await settle(poe.page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: 'complete', inputChars: length('Explain photosynthesis in one sentence.') });
  });

  it.each(['existing', 'newchat', 'search', 'image', 'regenerate', 'messy'])(
    'measures %s the same however the HTTP response is chunked',
    (name) => expectSameHoweverChunked((chunkSize) => converse(name, chunkSize), fixture('poe', `${name}.response.json`)),
  );

  it('hands the page exactly the frames it would get without the extension', async () => {
    const poe = poePage();
    const received: unknown[] = [];
    poe.channel.addEventListener('message', (event) => received.push((event as MessageEvent).data));
    await poe.send('existing');
    poe.frames('existing');
    expect(received).toEqual(fixture('poe', 'existing.frames').split('\n').filter(Boolean));
  });

  it('ignores answers in chats it sent no prompt to, such as a chat open at load', async () => {
    const poe = poePage();
    poe.frames('existing');
    poe.frames('newchat');
    expect(await settle(poe.page)).toEqual([]);
  });

  it.each([
    ['ChatPageQuery', { chatCode: '2zn12dg7eyw6cs8rmpy' }],
    ['subscriptionsMutation', { subscriptions: [{ subscriptionName: 'messageAdded', query: null }] }],
    ['chatHelpers_messageCancel_Mutation', { messageId: 4283519302, textLength: 41 }],
    ['SendChatBreakMutation', { chatId: 871160085, clientNonce: 'a1B2c3D4e5F6g7H8' }],
  ])('ignores the %s query (not a prompt)', async (queryName, variables) => {
    const poe = poePage();
    const body = JSON.stringify({ queryName, variables, extensions: { hash: 'bfeedf7c108ea69eab4b432c85b28b4dc76c6376453002f6b45d47cc1b568daf' } });
    await (await poe.page.win.fetch(GRAPHQL, { method: 'POST', body })).text();
    poe.frames('existing');
    expect(await settle(poe.page)).toEqual([]);
  });

  it('ignores sockets other than the update channel', async () => {
    const poe = poePage();
    new poe.page.win.WebSocket('wss://poe.com/api/realtime');
    const other = FakeSocket.last!;
    await poe.send('existing');
    for (const frame of fixture('poe', 'existing.frames').split('\n')) if (frame) other.serverSends(frame);
    const events = await settle(poe.page);
    expect(events).toEqual([expect.objectContaining({ status: 'interrupted', outputChars: 0 })]);
  });

  it('ends an answer the channel dropped as interrupted, and a new channel picks it up again', async () => {
    const poe = poePage();
    await poe.send('existing');
    const [human, started, partial, longer, complete] = fixture('poe', 'existing.frames').split('\n');
    for (const frame of [human, started, partial]) poe.channel.serverSends(frame!);
    await settle(poe.page);
    const emitted = poe.page.sent.length;
    poe.channel.close();
    const dropped = await settle(poe.page);
    expect(poe.page.sent.length).toBe(emitted + 1);
    expect(dropped).toEqual([expect.objectContaining({ status: 'interrupted', outputChars: length('Photosynthesis turns light') })]);

    new poe.page.win.WebSocket(CHANNEL);
    for (const frame of [longer, complete]) FakeSocket.last!.serverSends(frame!);
    const events = await settle(poe.page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: dropped[0]!.id,
      status: 'complete',
      outputChars: length('Photosynthesis turns light, water and CO₂ into sugar and oxygen.'),
    });
  });
});
