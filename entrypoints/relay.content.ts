import { defineContentScript } from 'wxt/utils/define-content-script';
import { extensionApi } from '../lib/extension-api';
import { listenToTap, type Ack } from '../lib/capture/channel';
import { Relay } from '../lib/capture/relay';
import { watchPage } from '../lib/capture/witness';
import type { WitnessMessage } from '../lib/messages';
import { hostPermissions, siteForUrl } from '../lib/sites/hosts';
import { pageFor } from '../lib/sites/pages';

/** The isolated-world relay: validates the tap's measurements and delivers them to the background. */
export default defineContentScript({
  matches: hostPermissions(),
  runAt: 'document_start',
  // WXT's default start-up postMessage is visible to the page; we use nothing of it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const browser = extensionApi();
    let acknowledge: ((acks: readonly Ack[]) => void) | undefined;
    const relay = new Relay({
      send: (message) => browser.runtime.sendMessage(message),
      acknowledge: (acks) => acknowledge?.(acks),
      setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
      now: Date.now,
      // After an update this script is orphaned: stop quietly, never reload the tab.
      isInvalid: () => ctx.isInvalid,
    });
    acknowledge = listenToTap(
      document,
      (target, type, listener) => ctx.addEventListener(target, type, listener),
      (payload) => relay.receive(payload),
    );

    const page = pageFor(new URL(location.href), siteForUrl(location.href));
    if (page) {
      watchPage(page, document, ctx.signal, {
        detections: () => relay.stats.turns,
        report: (report) => {
          const message: WitnessMessage = { type: 'frugal/witness', report };
          // Advisory: a lost report only delays a "needs update" warning.
          browser.runtime.sendMessage(message).catch(() => undefined);
        },
        setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
        now: Date.now,
      });
    }
  },
});
