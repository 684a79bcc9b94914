import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extensionApi } from '../lib/extension-api';
import { listenToTap, type Ack } from '../lib/capture/channel';
import { Relay } from '../lib/capture/relay';
import { startRelayContext } from '../lib/capture/relay-context';
import { watchPage } from '../lib/capture/witness';
import type { WitnessMessage } from '../lib/messages';
import { siteForUrl } from '../lib/sites/hosts';
import { pageFor } from '../lib/sites/pages';

/**
 * The isolated-world relay: validates the tap's measurements and delivers them
 * to the background. Built as an unlisted script and declared as a content
 * script (document_start, every supported host) by wxt.config.ts: WXT's own
 * content-script wrapper would add its 2.7 kB context class to every page.
 */
export default defineUnlistedScript(() => {
  const browser = extensionApi();
  const ctx = startRelayContext(browser, document);
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
        // The background answers true when it took the report (the witness retries otherwise).
        return browser.runtime.sendMessage(message).then(
          (reply) => reply === true,
          () => false,
        );
      },
      setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
      now: Date.now,
    });
  }
});
