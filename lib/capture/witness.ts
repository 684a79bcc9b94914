import type { WitnessReport } from '../health';
import type { SitePage } from '../sites/types';

/**
 * The page witness (isolated world): checks that the site still looks the way
 * its adapter expects, without reading any text. It reports
 * - whether the prompt box appears within COMPOSER_WAIT_MS of load;
 * - prompts it saw sent (a user message element appearing within ACTION_WINDOW_MS
 *   of the user pressing Enter or clicking) that no detector had measured
 *   CHECK_AFTER_MS later. Messages rendered without a user action (a
 *   conversation loading) are never counted.
 *
 * It watches the DOM only while it has a question: until the prompt box is
 * settled, and from a user action until its message appears (at most
 * ACTION_WINDOW_MS). A streaming answer changes the page thousands of times,
 * and observing it would make the browser build a record of every change for
 * nothing.
 */

export const COMPOSER_WAIT_MS = 20_000;
export const ACTION_WINDOW_MS = 5_000;
export const CHECK_AFTER_MS = 30_000;
/**
 * A report the background did not take is sent again, after 2, 4, 8 and 16 s.
 * Firefox shuts an event page down after 30 s idle, and a message that arrives
 * while it does is refused (seen in Firefox ESR 153, 2026-12-07): CHECK_AFTER_MS
 * after a quiet prompt is just when that happens.
 */
export const REPORT_ATTEMPTS = 5;
export const FIRST_REPORT_RETRY_MS = 2_000;

export interface WitnessDeps {
  /** Prompts measured on this page so far (new turns the relay accepted). */
  detections(): number;
  /** Resolves true once the background took the report; never rejects. */
  report(report: WitnessReport): Promise<boolean>;
  setTimeout(callback: () => void, ms: number): unknown;
  now(): number;
}

export function watchPage(page: SitePage, doc: Document, signal: AbortSignal, deps: WitnessDeps): void {
  let lastActionAt = -Infinity;
  let witnessed = 0;
  let reportedMissed = 0;
  let composerReported = false;

  const observer = new MutationObserver((records) => {
    if (!composerReported && doc.querySelector(page.composer)) reportComposer(true);
    if (deps.now() - lastActionAt <= ACTION_WINDOW_MS) {
      for (const record of records) {
        if (!addsUserMessage(record, page)) continue;
        witnessed++;
        // One message per action: a second bubble is a re-render, not a prompt.
        lastActionAt = -Infinity;
        deps.setTimeout(check, CHECK_AFTER_MS);
        break;
      }
    }
    pauseWhenIdle();
  });
  let observing = false;
  const observe = (): void => {
    if (observing || signal.aborted) return;
    observing = true;
    observer.observe(doc.documentElement, { childList: true, subtree: true });
  };
  /** Nothing left to wait for: no prompt box to find, no action whose message is due. */
  const pauseWhenIdle = (): void => {
    if (!observing || !composerReported || deps.now() - lastActionAt <= ACTION_WINDOW_MS) return;
    observing = false;
    observer.disconnect();
  };

  const deliver = (report: WitnessReport, attempt = 1): void => {
    void deps.report(report).then((taken) => {
      if (taken || attempt >= REPORT_ATTEMPTS) return;
      deps.setTimeout(() => deliver(report, attempt + 1), FIRST_REPORT_RETRY_MS * 2 ** (attempt - 1));
    });
  };
  const reportComposer = (found: boolean): void => {
    if (composerReported) return;
    composerReported = true;
    deliver({ composerFound: found, missed: 0 });
  };
  const check = (): void => {
    if (signal.aborted) return;
    const missed = Math.max(0, witnessed - deps.detections());
    if (missed > reportedMissed) deliver({ missed: missed - reportedMissed });
    reportedMissed = Math.max(reportedMissed, missed);
  };
  const markAction = (): void => {
    lastActionAt = deps.now();
    observe();
    // Just after the window closes (when no message came): stop watching.
    deps.setTimeout(pauseWhenIdle, ACTION_WINDOW_MS + 1);
  };

  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) markAction();
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest('button, [role="button"]')) markAction();
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  observe();
  if (doc.querySelector(page.composer)) reportComposer(true);
  pauseWhenIdle();
  deps.setTimeout(() => {
    if (signal.aborted) return;
    reportComposer(doc.querySelector(page.composer) !== null);
    pauseWhenIdle();
  }, COMPOSER_WAIT_MS);
}

function addsUserMessage(record: MutationRecord, page: SitePage): boolean {
  for (const node of record.addedNodes) {
    if (node instanceof Element && (node.matches(page.userMessage) || node.querySelector(page.userMessage) !== null)) return true;
  }
  return false;
}
