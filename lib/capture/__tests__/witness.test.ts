// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WitnessReport } from '../../health';
import type { SitePage } from '../../sites/types';
import { ACTION_WINDOW_MS, CHECK_AFTER_MS, COMPOSER_WAIT_MS, FIRST_REPORT_RETRY_MS, REPORT_ATTEMPTS, watchPage } from '../witness';

const PAGE: SitePage = { site: 'chatgpt', userMessage: '[data-role="user"]', composer: '#composer' };

function message(role: string): HTMLElement {
  const element = document.createElement('div');
  element.dataset.role = role;
  element.textContent = 'text the witness never reads';
  return element;
}

let reports: WitnessReport[];
/** Sends the background refuses before it takes one (an event page shutting down). */
let refusals: number;
let detections: number;
let controller: AbortController;

function start() {
  watchPage(PAGE, document, controller.signal, {
    detections: () => detections,
    report: async (report) => {
      if (refusals > 0) {
        refusals--;
        return false;
      }
      reports.push(report);
      return true;
    },
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    now: () => Date.now(),
  });
}

async function settle(ms = 0) {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
  reports = [];
  refusals = 0;
  detections = 0;
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

function sendPrompt() {
  const button = document.createElement('button');
  document.body.append(button);
  button.click();
  document.body.append(message('user'));
}

describe('page witness', () => {
  it('reports the prompt box as found as soon as it appears', async () => {
    start();
    const composer = document.createElement('div');
    composer.id = 'composer';
    document.body.append(composer);
    await settle();
    expect(reports).toEqual([{ composerFound: true, missed: 0 }]);
  });

  it('reports a missing prompt box once, after the wait', async () => {
    start();
    await settle(COMPOSER_WAIT_MS + 1);
    expect(reports).toEqual([{ composerFound: false, missed: 0 }]);
  });

  it('reports a prompt sent on the page that no detector measured', async () => {
    const composer = Object.assign(document.createElement('div'), { id: 'composer' });
    document.body.append(composer);
    start();
    sendPrompt();
    await settle(CHECK_AFTER_MS + 1);
    expect(reports).toEqual([{ composerFound: true, missed: 0 }, { missed: 1 }]);
  });

  it('reports nothing when the detector measured the prompt', async () => {
    document.body.append(Object.assign(document.createElement('div'), { id: 'composer' }));
    start();
    sendPrompt();
    detections = 1;
    await settle(CHECK_AFTER_MS + 1);
    expect(reports).toEqual([{ composerFound: true, missed: 0 }]);
  });

  it('never counts messages rendered without a user action (a conversation loading)', async () => {
    document.body.append(Object.assign(document.createElement('div'), { id: 'composer' }));
    start();
    document.body.append(message('user'), message('assistant'), message('user'));
    await settle(CHECK_AFTER_MS + 1);
    expect(reports).toEqual([{ composerFound: true, missed: 0 }]);
  });

  it('watches the page only while it waits: not while an answer streams, again at the next action', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    try {
      const composer = document.createElement('div');
      composer.id = 'composer';
      document.body.append(composer);
      start();
      // The prompt box is there at once: nothing to wait for until the user acts.
      expect(observe).toHaveBeenCalledTimes(1);
      expect(disconnect).toHaveBeenCalledTimes(1);
      sendPrompt();
      expect(observe).toHaveBeenCalledTimes(2);
      await settle();
      // Its message appeared: the answer's thousands of changes go unobserved.
      expect(disconnect).toHaveBeenCalledTimes(2);
      const answer = message('assistant');
      document.body.append(answer);
      for (let delta = 0; delta < 100; delta += 1) answer.textContent += ' word';
      await settle();
      expect(observe).toHaveBeenCalledTimes(2);
      // A click whose message never comes: watched for the action window only.
      document.querySelector('button')!.click();
      expect(observe).toHaveBeenCalledTimes(3);
      await settle(ACTION_WINDOW_MS + 2);
      expect(disconnect).toHaveBeenCalledTimes(3);
      detections = 1;
      await settle(CHECK_AFTER_MS);
      expect(reports).toEqual([{ composerFound: true, missed: 0 }]);
    } finally {
      observe.mockRestore();
      disconnect.mockRestore();
    }
  });

  it('sends a report again until the background takes it, then never again', async () => {
    document.body.append(Object.assign(document.createElement('div'), { id: 'composer' }));
    start();
    await settle();
    sendPrompt();
    refusals = 2;
    await settle(CHECK_AFTER_MS + 1);
    expect(reports).toEqual([{ composerFound: true, missed: 0 }]);
    await settle(FIRST_REPORT_RETRY_MS);
    expect(reports).toEqual([{ composerFound: true, missed: 0 }]);
    await settle(2 * FIRST_REPORT_RETRY_MS);
    expect(reports).toEqual([{ composerFound: true, missed: 0 }, { missed: 1 }]);
    await settle(60_000);
    expect(reports).toHaveLength(2);
  });

  it('gives a report up after REPORT_ATTEMPTS refusals', async () => {
    document.body.append(Object.assign(document.createElement('div'), { id: 'composer' }));
    start();
    await settle();
    sendPrompt();
    refusals = REPORT_ATTEMPTS;
    await settle(CHECK_AFTER_MS + 120_000);
    expect(refusals).toBe(0);
    expect(reports).toEqual([{ composerFound: true, missed: 0 }]);
    refusals = 1;
    sendPrompt();
    await settle(CHECK_AFTER_MS + FIRST_REPORT_RETRY_MS + 1);
    // The next check reports only its own prompt: the lost one is not sent twice.
    expect(reports).toEqual([{ composerFound: true, missed: 0 }, { missed: 1 }]);
  });

  it('stops watching when its signal aborts', async () => {
    start();
    controller.abort();
    sendPrompt();
    await settle(COMPOSER_WAIT_MS + CHECK_AFTER_MS);
    expect(reports).toEqual([]);
  });
});
