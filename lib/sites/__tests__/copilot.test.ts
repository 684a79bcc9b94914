import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../event';
import { FakeSocket, fixture, testPage, withoutTiming } from '../../capture/__tests__/fakes';
import { copilot } from '../copilot';

const CHAT_SOCKET = 'wss://copilot.microsoft.com/c/api/chat?api-version=2&clientSessionId=6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const length = (text: string) => [...text].length;

interface Frame {
  fromPage: boolean;
  data: string;
}

/** A transcript: `> ` lines are frames the page sends, `< ` lines frames the server sends. */
function transcript(name: string): Frame[] {
  return fixture('copilot', `${name}.frames`)
    .split('\n')
    .filter((line) => line.startsWith('> ') || line.startsWith('< '))
    .map((line) => ({ fromPage: line.startsWith('> '), data: line.slice(2) }));
}

/** Plays frames through the page's own WebSocket, as the page and the server would. */
function play(frames: Frame[], { close = true, url = CHAT_SOCKET } = {}) {
  const page = testPage([copilot], () => ({ body: '' }), 'https://copilot.microsoft.com/chats/H9b72gf9njaycWArRm1ts');
  const socket = new page.win.WebSocket(url);
  const server = FakeSocket.last!;
  const pageReceived: unknown[] = [];
  server.addEventListener('message', (event) => pageReceived.push((event as MessageEvent).data));
  for (const frame of frames) {
    if (frame.fromPage) socket.send(frame.data);
    else server.serverSends(frame.data);
  }
  if (close) server.close();
  return { page, server, pageReceived };
}

async function finals(page: ReturnType<typeof testPage>): Promise<Measurement[]> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return page.finals();
}

async function only(name: string, options?: { close?: boolean }): Promise<Measurement> {
  const { page } = play(transcript(name), options);
  const events = await finals(page);
  expect(events).toHaveLength(1);
  return events[0]!;
}

describe('Copilot adapter', () => {
  it('measures a chat turn and records the mode as the model', async () => {
    const event = await only('chat');
    expect(event).toMatchObject({
      kind: 'text',
      model: 'copilot-chat',
      modelSource: 'request',
      status: 'complete',
      detector: 'network',
      adapterVersion: copilot.version,
      inputChars: length('Is 12321 a palindrome?'),
      outputChars: length('Yes, 12321 reads the same backwards 🙂. Want to try checking another one?'),
      reasoningChars: 0,
      images: 0,
    });
    expect(event.outputTokens).toBeGreaterThan(10);
  });

  it('keeps Think Deeper reasoning apart from the answer', async () => {
    const event = await only('reasoning');
    expect(event).toMatchObject({
      model: 'copilot-reasoning',
      status: 'complete',
      inputChars: length('How many primes are there below 20?'),
      reasoningChars: length('The user wants the number of primes below 20. Listing them: 2, 3, 5, 7, 11, 13, 17, 19.'),
      outputChars: length('There are **8** primes below 20: 2, 3, 5, 7, 11, 13, 17 and 19.'),
    });
    expect(event.reasoningTokens).toBeGreaterThan(10);
  });

  it('reads several JSON objects packed into one frame, with or without separators', async () => {
    const event = await only('packed');
    expect(event).toMatchObject({
      model: 'copilot-smart',
      status: 'complete',
      inputChars: length('Traduis « good morning » en français'),
      outputChars: length('« Good morning » se dit « bonjour » en français. Le soir : « bonsoir ». En JSON : {"fr": "bonjour"'),
    });
  });

  it('counts a generated image and completes the turn when the socket closes after it', async () => {
    const event = await only('image');
    expect(event).toMatchObject({
      kind: 'image',
      task: 'image',
      images: 1,
      model: 'copilot-smart',
      status: 'complete',
      outputChars: length('Here is your fox, curled up under the birch.'),
    });
  });

  it('counts each image once when its delivery names only a URL, not the part its previews named', async () => {
    const event = await only('image-pair');
    expect(event).toMatchObject({
      kind: 'image',
      images: 2,
      status: 'complete',
      outputChars: length('Here are both lighthouses.'),
    });
  });

  it('marks an answer cut by the socket closing as interrupted', async () => {
    const event = await only('interrupted');
    expect(event).toMatchObject({ status: 'interrupted', outputChars: length('Grey waves fold and break,\nsalt wind') });
  });

  it('keeps an answer open while the socket stays open, then ends it when it closes', async () => {
    const { page, server } = play(transcript('interrupted'), { close: false });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(page.sent.at(-1)).toMatchObject({ status: 'interrupted' });
    const provisional = page.sent.length;
    server.close();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(page.sent.length).toBe(provisional + 1);
    expect(page.finals()).toHaveLength(1);
  });

  it('counts a prompt held back by a proof-of-work challenge and sent again once', async () => {
    const event = await only('challenge');
    expect(event).toMatchObject({
      status: 'complete',
      inputChars: length('¿Cuál es la capital de Australia?'),
      outputChars: length('La capital de Australia es Canberra, no Sídney.'),
    });
  });

  it('marks a refused message as an error and counts only the text parts of the prompt', async () => {
    const event = await only('error');
    expect(event).toMatchObject({ status: 'error', outputChars: 0, inputChars: length('Summarize this article for me') });
  });

  it('ends a turn when the next prompt is sent and keeps its late frames out of the next one', async () => {
    const { page } = play(transcript('turns'));
    const events = await finals(page);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      status: 'interrupted',
      inputChars: length('List three rivers in Europe'),
      outputChars: length('The Danube, the Rhine'),
    });
    expect(events[1]).toMatchObject({
      status: 'complete',
      inputChars: length('Only rivers in Spain, please'),
      outputChars: length('The Ebro, the Tagus and the Guadalquivir.'),
    });
  });

  it('counts a replaced part by the longer of what streamed and what replaced it', async () => {
    const event = await only('replace');
    expect(event).toMatchObject({
      status: 'complete',
      outputChars: length('The capital of Australia is Canberra.') + length(' About 470,000 people live there, according to'),
    });
  });

  it('survives junk frames and counts only the answer of the open turn', async () => {
    const event = await only('malformed');
    expect(event).toMatchObject({
      status: 'complete',
      model: null,
      inputChars: 0,
      outputChars: length('Joyful') + length('.') + length('}}}{{{"'),
    });
  });

  it.each(['chat', 'reasoning', 'image', 'challenge', 'turns', 'replace'])(
    'measures %s the same however the server packs its objects into frames',
    async (name) => {
      const frames = transcript(name);
      const reference = (await finals(play(frames).page)).map(withoutTiming);
      for (const separator of ['', '\u001e', '\n ']) {
        const packed = pack(frames, separator);
        expect(packed.length).toBeLessThan(frames.length);
        const events = (await finals(play(packed).page)).map(withoutTiming);
        expect(events).toEqual(reference);
      }
    },
  );

  it('hands the page exactly the frames it would get without the extension', () => {
    const frames = transcript('packed');
    const { server, pageReceived } = play(frames);
    expect(pageReceived).toEqual(frames.filter((frame) => !frame.fromPage).map((frame) => frame.data));
    expect(server.sent).toEqual(frames.filter((frame) => frame.fromPage).map((frame) => frame.data));
  });

  it.each([
    'wss://copilot.microsoft.com/c/api/notifications?api-version=2',
    'wss://copilot.microsoft.com/c/api/chat/history',
    'wss://eu-mobile.events.data.microsoft.com/c/api/chat',
  ])('ignores the socket %s', async (url) => {
    const { page } = play(transcript('chat'), { url });
    expect(await finals(page)).toEqual([]);
  });

  it('opens no turn for server frames or client frames that are not a prompt', async () => {
    const frames = transcript('chat').filter((frame) => !frame.data.includes('"event":"send"'));
    const { page } = play(frames);
    expect(await finals(page)).toEqual([]);
  });
});

/** Joins each run of consecutive server frames into one frame. */
function pack(frames: Frame[], separator: string): Frame[] {
  const packed: Frame[] = [];
  for (const frame of frames) {
    const last = packed.at(-1);
    if (last && !last.fromPage && !frame.fromPage) last.data += separator + frame.data;
    else packed.push({ ...frame });
  }
  return packed;
}
