import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../event';
import { FakeSocket, fixture, sentAtLeast, testPage, type TestPage, withoutTiming } from '../../capture/__tests__/fakes';
import { chatgpt } from '../chatgpt';

const ENDPOINT = 'https://chatgpt.com/backend-api/f/conversation';
const USER_SOCKET = 'wss://ws.chatgpt.com/ws/user/user-Xq7pR3sT5yL0bE4hC6dU1a?verify=1764150000-kE3nQ8';
const length = (text: string) => [...text].length;

/** A transcript: `> ` lines are frames the page sends, `< ` lines frames the server sends. */
function transcript(name: string): { fromPage: boolean; data: string }[] {
  return fixture('chatgpt', name)
    .split('\n')
    .filter((line) => line.startsWith('> ') || line.startsWith('< '))
    .map((line) => ({ fromPage: line.startsWith('> '), data: line.slice(2) }));
}

/** Plays a transcript through the page's own WebSocket; returns what the page received. */
function playSocket(page: TestPage, name: string, url = USER_SOCKET): unknown[] {
  const socket = new page.win.WebSocket(url);
  const server = FakeSocket.last!;
  const received: unknown[] = [];
  server.addEventListener('message', (event) => received.push((event as MessageEvent).data));
  for (const frame of transcript(name)) {
    if (frame.fromPage) socket.send(frame.data);
    else server.serverSends(frame.data);
  }
  return received;
}

function serverFrames(name: string): string[] {
  return transcript(name)
    .filter((frame) => !frame.fromPage)
    .map((frame) => frame.data);
}

async function imagePrompt(chunkSize = 97): Promise<{ page: TestPage; first: Measurement }> {
  const page = testPage([chatgpt], () => ({ body: fixture('chatgpt', 'image-async.sse'), chunkSize }));
  await (await page.win.fetch(ENDPOINT, { method: 'POST', body: fixture('chatgpt', 'image-async.request.json') })).text();
  await sentAtLeast(page, 2);
  return { page, first: page.finals()[0]! };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('ChatGPT images finished after the stream (user WebSocket)', () => {
  it('counts the image from its task when the stream shows no file yet', async () => {
    const { page, first } = await imagePrompt();
    expect(page.finals()).toHaveLength(1);
    expect(first).toMatchObject({
      kind: 'image',
      task: 'image',
      images: 1,
      model: 'gpt-5-3',
      status: 'complete',
      inputChars: length('Paint a lighthouse in a storm, oil on canvas'),
      outputChars: length('{"prompt":"oil painting of a lighthouse in a storm","size":"1024x1024","n":1}'),
    });
  });

  it('does not count that image again when its file arrives over the socket', async () => {
    const { page, first } = await imagePrompt();
    const sentBefore = page.sent.length;
    const received = playSocket(page, 'image-async.frames');
    await settled();
    expect(received).toEqual(serverFrames('image-async.frames'));
    expect(page.sent.length).toBe(sentBefore);
    expect(page.finals()).toEqual([first]);
  });

  it('adds a second image that arrives over the socket to the same event', async () => {
    const { page, first } = await imagePrompt();
    playSocket(page, 'image-async-pair.frames');
    await settled();
    const finals = page.finals();
    expect(finals).toHaveLength(1);
    expect(finals[0]).toMatchObject({ id: first.id, at: first.at, kind: 'image', images: 2, status: 'complete' });
    expect(finals[0]!.durationMs).toBeGreaterThan(first.durationMs);
  });

  it('counts files that arrive while the stream is still open once, at its end', async () => {
    const page = testPage([chatgpt], () => ({ body: fixture('chatgpt', 'image-async.sse'), chunkSize: 1 }));
    const response = await page.win.fetch(ENDPOINT, { method: 'POST', body: fixture('chatgpt', 'image-async.request.json') });
    playSocket(page, 'image-async-pair.frames');
    await response.text();
    await sentAtLeast(page, 2);
    expect(page.finals()).toMatchObject([{ kind: 'image', images: 2, status: 'complete' }]);
  });

  it('changes nothing for conversations no prompt of this page started', async () => {
    const page = testPage([chatgpt], () => ({ body: '' }));
    playSocket(page, 'image-async-pair.frames');
    await settled();
    expect(page.sent).toEqual([]);
  });

  it('reads only the user socket', () => {
    const socketFor = (url: string) => chatgpt.socket!(new URL(url), Object.assign(() => { throw new Error('no turn'); }, { resume: () => null }));
    expect(socketFor(USER_SOCKET)).not.toBeNull();
    expect(socketFor('wss://chatgpt.com/backend-api/celsius/ws/user-3f9a?verify=1')).not.toBeNull();
    expect(socketFor('wss://chatgpt.com/backend-api/realtime')).toBeNull();
    expect(socketFor('wss://ws.example.com/ws/user/1')).toBeNull();
  });

  it.each([1, 7, 64])('measures the image prompt the same in %i-byte chunks', async (chunkSize) => {
    const { first } = await imagePrompt(4096);
    const { first: chunked } = await imagePrompt(chunkSize);
    expect(chunked).toMatchObject(withoutTiming(first));
  });
});

describe('ChatGPT pictures the user sends', () => {
  it('does not count an uploaded picture, echoed in the stream, as a generated image', async () => {
    const page = testPage([chatgpt], () => ({ body: fixture('chatgpt', 'upload.sse') }));
    await (await page.win.fetch(ENDPOINT, { method: 'POST', body: fixture('chatgpt', 'upload.request.json') })).text();
    await sentAtLeast(page, 2);
    expect(page.finals()).toMatchObject([
      { kind: 'text', images: 0, status: 'complete', inputChars: length('What bird is this?'), outputChars: length('A European robin.') },
    ]);
  });
});
