import { describe, expect, it } from 'vitest';
import type { SiteAdapter } from '../../sites/types';
import { FakeSocket, FakeXhr, sentAtLeast, testPage } from './fakes';

/**
 * A made-up site to test the tap itself: a prompt is a POST to /ask whose body
 * is the prompt; the answer streams as lines "a:<text>" (answer), "r:<text>"
 * (reasoning), "m:<model>" and "end". Its socket speaks the same lines, with the
 * client sending "ask:<prompt>".
 */
const lineSite: SiteAdapter = {
  site: 'chatgpt',
  version: 7,
  watches: (url, method) => method === 'POST' && url.pathname === '/ask',
  request(req, open) {
    if (req.body === 'not a prompt') return null;
    const turn = open();
    turn.prompt(req.body ?? '');
    let pending = '';
    const line = (text: string) => {
      if (text === 'boom') throw new Error('adapter bug');
      if (text.startsWith('a:')) turn.answer(text.slice(2));
      else if (text.startsWith('r:')) turn.reasoning(text.slice(2));
      else if (text.startsWith('m:')) turn.model(text.slice(2), 'response');
      else if (text === 'end') turn.status('complete');
    };
    return {
      chunk(text) {
        pending += text;
        const parts = pending.split('\n');
        pending = parts.pop()!;
        parts.forEach(line);
      },
      end() {
        if (pending) line(pending);
      },
    };
  },
  socket(url, open) {
    if (!url.pathname.startsWith('/live')) return null;
    let turn: ReturnType<typeof open> | null = null;
    return {
      sent(data) {
        if (data.startsWith('ask:')) {
          turn = open();
          turn.prompt(data.slice(4));
        }
      },
      received(data) {
        if (!turn) return;
        if (data.startsWith('a:')) turn.answer(data.slice(2));
        if (data === 'end') {
          turn.status('complete');
          turn.close();
          turn = null;
        }
      },
      closed() {
        turn?.close();
      },
    };
  },
};

const ANSWER = 'a:Hello\na: world\nr:thinking\nm:Line-1 Large\nend\n';

describe('fetch', () => {
  it('hands the page the very same promise and response body, untouched', async () => {
    const page = testPage([lineSite], () => ({ body: ANSWER, chunkSize: 5 }));
    const response = await page.win.fetch('https://chatgpt.com/ask', { method: 'POST', body: 'Say hello' });
    expect(await response.text()).toBe(ANSWER);
    await sentAtLeast(page, 2);
    expect(page.finals()).toEqual([
      expect.objectContaining({
        inputChars: 9,
        outputChars: 11,
        reasoningChars: 8,
        model: 'line-1-large',
        modelSource: 'response',
        status: 'complete',
        adapterVersion: 7,
        detector: 'network',
      }),
    ]);
  });

  it('sends a provisional measurement when the prompt leaves, then the final one', async () => {
    const page = testPage([lineSite], () => ({ body: ANSWER }));
    await (await page.win.fetch('https://chatgpt.com/ask', { method: 'POST', body: 'Say hello' })).text();
    await sentAtLeast(page, 2);
    expect(page.sent).toHaveLength(2);
    const [provisional, final] = page.sent;
    expect(provisional).toMatchObject({ status: 'interrupted', outputChars: 0, inputChars: 9 });
    expect(final!.id).toBe(provisional!.id);
    expect(final!.durationMs).toBeGreaterThan(provisional!.durationMs);
  });

  it('leaves other requests alone: nothing parsed, nothing sent', async () => {
    const page = testPage([lineSite], () => ({ body: ANSWER }));
    await (await page.win.fetch('https://chatgpt.com/other', { method: 'POST', body: 'x' })).text();
    await (await page.win.fetch('https://chatgpt.com/ask')).text();
    await (await page.win.fetch('https://chatgpt.com/ask', { method: 'POST', body: 'not a prompt' })).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.sent).toEqual([]);
  });

  it('keeps the page working when an adapter throws mid-stream', async () => {
    const body = 'a:one\nboom\na:two\n';
    const page = testPage([lineSite], () => ({ body, chunkSize: 3 }));
    const response = await page.win.fetch('https://chatgpt.com/ask', { method: 'POST', body: 'q' });
    expect(await response.text()).toBe(body);
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'error' });
  });

  it('lets a failed fetch reject for the page exactly as before, and records an error', async () => {
    const page = testPage([lineSite], () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(page.win.fetch('https://chatgpt.com/ask', { method: 'POST', body: 'q' })).rejects.toThrow(
      'Failed to fetch',
    );
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'error', inputChars: 1 });
  });

  it('looks like the fetch it wraps', () => {
    const page = testPage([lineSite], () => ({ body: '' }));
    expect(page.win.fetch).not.toBe(page.nativeFetch);
    expect(page.win.fetch.name).toBe(page.nativeFetch.name);
    expect(page.win.fetch.length).toBe(page.nativeFetch.length);
  });

  it('sends what was measured so far when the page is hidden mid-answer', async () => {
    const page = testPage([lineSite], () => ({ body: 'a:partial answer\n', hang: true }));
    await page.win.fetch('https://chatgpt.com/ask', { method: 'POST', body: 'q' });
    await sentAtLeast(page, 1);
    expect(page.sent).toHaveLength(1);
    page.pagehide();
    expect(page.sent).toHaveLength(2);
    expect(page.sent[1]).toMatchObject({ id: page.sent[0]!.id, status: 'interrupted', outputChars: 14 });
  });
});

describe('continuations', () => {
  /** A site whose /ask opens a turn keyed "k" and whose /more continues it. */
  const keyed: SiteAdapter = {
    site: 'chatgpt',
    version: 1,
    watches: (url, method) => method === 'POST' && (url.pathname === '/ask' || url.pathname === '/more'),
    request(req, open) {
      const turn = req.url.pathname === '/more' ? open('k') : open();
      if (req.url.pathname === '/ask') {
        turn.continuationKey('k');
        turn.prompt(req.body ?? '');
      }
      return {
        chunk: (text) => turn.answer(text),
        end: () => turn.status(req.url.pathname === '/more' ? 'complete' : 'interrupted'),
      };
    },
  };

  it('joins a continuation request to the turn while its first stream is still open', async () => {
    const page = testPage([keyed], (url) => ({ body: url.endsWith('/more') ? ' more' : 'first', chunkSize: 2 }));
    const first = await page.win.fetch('https://chatgpt.com/ask', { method: 'POST', body: 'q' });
    const second = await page.win.fetch('https://chatgpt.com/more', { method: 'POST', body: '' });
    await Promise.all([first.text(), second.text()]);
    await sentAtLeast(page, 2);
    expect(page.finals()).toEqual([expect.objectContaining({ outputChars: 10, status: 'complete' })]);
  });
});

describe('retirement (a newer tap took over after an update)', () => {
  it('finishes the turn under way but starts no new ones', async () => {
    const page = testPage([lineSite], () => ({ body: ANSWER, chunkSize: 4 }));
    const inFlight = await page.win.fetch('https://chatgpt.com/ask', { method: 'POST', body: 'first' });
    page.retire();
    await inFlight.text();
    await (await page.win.fetch('https://chatgpt.com/ask', { method: 'POST', body: 'second' })).text();
    const socket = new page.win.WebSocket('wss://chatgpt.com/live');
    socket.send('ask:third');
    FakeSocket.last!.serverSends('end');
    await sentAtLeast(page, 2);
    expect(page.finals()).toEqual([expect.objectContaining({ inputChars: 5, status: 'complete' })]);
  });
});

describe('XMLHttpRequest', () => {
  it('streams the response text to the adapter while the page reads it as usual', async () => {
    const page = testPage([lineSite], () => ({ body: '' }));
    FakeXhr.responses.push({ body: ANSWER, chunkSize: 4 });
    const xhr = new page.win.XMLHttpRequest();
    let pageSaw = '';
    xhr.addEventListener('load', () => (pageSaw = xhr.responseText));
    xhr.open('POST', '/ask');
    xhr.send('Say hello');
    await sentAtLeast(page, 2);
    expect(pageSaw).toBe(ANSWER);
    expect(page.finals()[0]).toMatchObject({ outputChars: 11, reasoningChars: 8, status: 'complete' });
  });

  it('ignores requests the adapter does not watch', async () => {
    const page = testPage([lineSite], () => ({ body: '' }));
    FakeXhr.responses.push({ body: ANSWER });
    const xhr = new page.win.XMLHttpRequest();
    xhr.open('GET', '/ask');
    xhr.send();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.sent).toEqual([]);
  });
});

describe('WebSocket', () => {
  it('watches frames both ways on a socket the adapter claims', async () => {
    const page = testPage([lineSite], () => ({ body: '' }));
    const socket = new page.win.WebSocket('wss://chatgpt.com/live');
    expect(socket).toBeInstanceOf(page.win.WebSocket);
    socket.send('ask:Hi there');
    const server = FakeSocket.last!;
    expect(server.sent).toEqual(['ask:Hi there']);
    server.serverSends('a:Hello!');
    server.serverSends('end');
    // Closed before the provisional measurement went out: only the final one is sent.
    await sentAtLeast(page, 1);
    expect(page.sent).toHaveLength(1);
    expect(page.finals()[0]).toMatchObject({ inputChars: 8, outputChars: 6, status: 'complete' });
  });

  it('ends an open turn as interrupted when the socket closes', async () => {
    const page = testPage([lineSite], () => ({ body: '' }));
    const socket = new page.win.WebSocket('wss://chatgpt.com/live');
    socket.send('ask:Long question');
    FakeSocket.last!.serverSends('a:Partial');
    FakeSocket.last!.close();
    await sentAtLeast(page, 1);
    expect(page.finals()[0]).toMatchObject({ outputChars: 7, status: 'interrupted' });
  });

  it('does not touch sockets the adapter does not claim', async () => {
    const page = testPage([lineSite], () => ({ body: '' }));
    const socket = new page.win.WebSocket('wss://chatgpt.com/metrics');
    socket.send('ask:not watched');
    FakeSocket.last!.serverSends('end');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.sent).toEqual([]);
  });
});
