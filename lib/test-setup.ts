// Every unit test gets a real IndexedDB implementation in memory and WXT's fake
// browser reset to empty; tests that need isolation create a fresh IDBFactory.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
