import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleCapture, handleWitness, type CaptureDeps } from '../lib/background/capture';
import { injectIntoOpenTabs, type InjectApi } from '../lib/background/reinject';
import { isCaptureMessage, isWitnessMessage } from '../lib/messages';
import { createDbConnection } from '../lib/store/db';

export default defineBackground(() => {
  // Opened lazily inside handlers: the worker may start for any event.
  const db = createDbConnection();

  const showStorageError = (): void => {
    void browser.action.setBadgeText({ text: '!' });
    void browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
    void browser.action.setTitle({ title: 'Frugal cannot save: browser storage is unavailable' });
  };
  const clearStorageError = (): void => {
    void browser.action.setBadgeText({ text: '' });
    void browser.action.setTitle({ title: 'Frugal' });
  };
  let storageFailing = false;

  const deps: CaptureDeps = {
    runtimeId: browser.runtime.id,
    db,
    onStorageError: () => {
      storageFailing = true;
      showStorageError();
    },
    onStored: () => {
      if (!storageFailing) return;
      storageFailing = false;
      clearStorageError();
    },
  };

  // Chrome leaves open tabs without content scripts after an install or update.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (isFirefox() || (reason !== 'install' && reason !== 'update')) return;
    void injectIntoOpenTabs(browser as unknown as InjectApi).catch(() => undefined);
  });

  // Registered synchronously on every start, or events that woke the worker are lost.
  // Each handler answers only its own messages (undefined otherwise).
  browser.runtime.onMessage.addListener((message, sender) => {
    if (isCaptureMessage(message)) return handleCapture(message, sender, deps);
    if (isWitnessMessage(message)) return handleWitness(message, sender, deps);
    return undefined;
  });
});

/** Firefox alone has runtime.getBrowserInfo; it injects content scripts into open tabs itself. */
function isFirefox(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}
