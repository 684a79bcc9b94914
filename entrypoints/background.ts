import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleCapture } from '../lib/background/capture';
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

  // Registered synchronously on every start, or events that woke the worker are lost.
  browser.runtime.onMessage.addListener((message, sender) =>
    handleCapture(message, sender, {
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
    }),
  );
});
