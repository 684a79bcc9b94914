import { vi } from 'vitest';
import type { EventRecord } from '../lib/store/db';
import type { ExtensionBrowser, Tab } from './browsers';
import { ReplayServer, type ReplaySite } from './server';

/** The replay server's port: 443 as root (CI), else any free port (URLs then carry it). */
export async function startReplay(sites: readonly ReplaySite[]): Promise<{ server: ReplayServer; origin: (host: string) => string }> {
  const server = new ReplayServer(sites);
  const port = await server.start(process.getuid?.() === 0 ? 443 : 0);
  return { server, origin: (host) => (port === 443 ? `https://${host}` : `https://${host}:${port}`) };
}

/** Wait until the stored events satisfy `ready`, and return them. */
export async function waitForEvents(
  browser: ExtensionBrowser,
  ready: (events: EventRecord[]) => boolean,
  timeoutMs = 20_000,
): Promise<EventRecord[]> {
  let events: EventRecord[] = [];
  await vi.waitFor(
    async () => {
      events = await browser.readStore('events');
      if (!ready(events)) throw new Error(`stored events not ready yet: ${JSON.stringify(events)}`);
    },
    { timeout: timeoutMs, interval: 200 },
  );
  return events;
}

/** What the replay page recorded about the answer it received, from its DOM. */
export interface PageAnswer {
  text: string;
  state: string;
  bytes: number;
  sha256: string;
}

export function lastAnswer(tab: Tab): Promise<PageAnswer> {
  return tab.evaluate(() => {
    const answers = document.querySelectorAll<HTMLElement>('[data-message-author-role="assistant"][data-received-sha256]');
    const answer = answers[answers.length - 1];
    if (!answer) throw new Error('no finished answer on the page');
    return {
      text: answer.textContent ?? '',
      state: answer.dataset.streamState ?? '',
      bytes: Number(answer.dataset.receivedBytes),
      sha256: answer.dataset.receivedSha256 ?? '',
    };
  }, null);
}

/** Wait until the page has finished `count` answers in total. */
export async function waitForAnswers(tab: Tab, count: number): Promise<void> {
  await tab.waitFor(`body[data-answers="${count}"]`, 30_000);
}
