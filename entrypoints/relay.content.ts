import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { listenToTap } from '../lib/capture/channel';
import { Relay } from '../lib/capture/relay';
import { hostPermissions } from '../lib/sites/hosts';

/** The isolated-world relay: validates the tap's measurements and delivers them to the background. */
export default defineContentScript({
  matches: hostPermissions(),
  runAt: 'document_start',
  // WXT's default start-up postMessage is visible to the page; we use nothing of it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const relay = new Relay({
      send: (message) => browser.runtime.sendMessage(message),
      setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
      now: Date.now,
      // After an update this script is orphaned: stop quietly, never reload the tab.
      isInvalid: () => ctx.isInvalid,
    });
    listenToTap(
      document,
      (target, type, listener) => ctx.addEventListener(target, type, listener),
      (payload) => relay.receive(payload),
    );
  },
});
