import { describe, expect, it, vi } from 'vitest';
import { hostPermissions } from '../../sites/hosts';
import { CONTENT_SCRIPT_FILES, injectIntoOpenTabs, type InjectApi } from '../reinject';

describe('injectIntoOpenTabs', () => {
  it('puts the tap (page world) and the relay into every open supported tab', async () => {
    const executeScript = vi.fn<InjectApi['scripting']['executeScript']>(async () => []);
    const query = vi.fn(async () => [
      { id: 3, url: 'https://chatgpt.com/c/1' },
      { id: undefined, url: 'https://claude.ai/' },
      { id: 8, url: 'https://x.com/home' },
      { id: 9, url: 'https://huggingface.co/models' },
    ]);
    expect(await injectIntoOpenTabs({ tabs: { query }, scripting: { executeScript } })).toBe(2);
    expect(query).toHaveBeenCalledWith({ url: hostPermissions() });
    expect(executeScript.mock.calls.map(([injection]) => [injection.target.tabId, injection.files[0], injection.world])).toEqual([
      [3, 'content-scripts/tap-chatgpt.js', 'MAIN'],
      [3, CONTENT_SCRIPT_FILES.relay, undefined],
      [8, 'content-scripts/tap-grok.js', 'MAIN'],
      [8, CONTENT_SCRIPT_FILES.relay, undefined],
    ]);
  });

  it('skips a tab it cannot reach and carries on', async () => {
    const executeScript = vi.fn(async ({ target }: { target: { tabId: number } }) => {
      if (target.tabId === 1) throw new Error('Cannot access contents of the page');
      return [];
    });
    const api = {
      tabs: { query: async () => [{ id: 1, url: 'https://claude.ai/' }, { id: 2, url: 'https://claude.ai/new' }] },
      scripting: { executeScript },
    };
    expect(await injectIntoOpenTabs(api)).toBe(1);
  });
});
