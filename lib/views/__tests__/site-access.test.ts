import { describe, expect, it } from 'vitest';
import type { SiteId } from '../../event';
import { readSettings, writeSettings } from '../../settings';
import { hostPermissions } from '../../sites/hosts';
import { originsOf, type PermissionsApi, readSiteStates, turnSiteOff, turnSiteOn, watchedSites } from '../site-access';

/**
 * The permission prompts cannot be clicked in a headless browser, so the
 * paths through them (a refusal above all) are driven here with fake
 * permission APIs that behave like each browser: Chrome refuses to remove a
 * permission the manifest requires; Firefox removes an MV3 host permission
 * and asks the user before granting it again. e2e/ui.e2e.ts sees both
 * outcomes in the real browsers, with prompts answered "yes".
 */
function fakePermissions(kind: 'chrome' | 'firefox', answer: boolean = true) {
  const granted = new Set(hostPermissions());
  const requests: string[][] = [];
  const api: PermissionsApi = {
    contains: async ({ origins }) => origins.every((origin) => granted.has(origin)),
    request: async ({ origins }) => {
      requests.push(origins);
      if (answer) for (const origin of origins) granted.add(origin);
      return answer;
    },
    remove: async ({ origins }) => {
      if (kind === 'chrome') throw new Error('You cannot remove required permissions.');
      for (const origin of origins) granted.delete(origin);
      return true;
    },
  };
  return { api, granted, requests };
}

describe('site access', () => {
  it("knows each watched site's match patterns", () => {
    expect(originsOf('chatgpt')).toEqual(['https://chatgpt.com/*', 'https://chat.openai.com/*']);
    expect(originsOf('grok')).toEqual(expect.arrayContaining(['https://grok.com/*', 'https://x.com/*']));
    expect(originsOf('huggingchat')).toEqual(['https://huggingface.co/chat*']);
    expect(watchedSites().flatMap(originsOf).sort()).toEqual(hostPermissions().sort());
  });

  it('Firefox: turning a site off removes its access; on asks for it again', async () => {
    const { api, granted, requests } = fakePermissions('firefox');
    expect(await turnSiteOff('claude', api)).toBe('off');
    expect(granted.has('https://claude.ai/*')).toBe(false);
    expect((await readSettings()).disabledSites).toEqual(['claude']);
    expect((await readSiteStates(['claude'], api)).get('claude')).toBe('off');
    expect(await turnSiteOn('claude', api)).toBe(true);
    expect(requests).toEqual([['https://claude.ai/*']]);
    expect((await readSettings()).disabledSites).toEqual([]);
    expect((await readSiteStates([], api)).get('claude')).toBe('on');
  });

  it('Chrome: the access stays (and the page says so), the settings still drop the site', async () => {
    const { api } = fakePermissions('chrome');
    expect(await turnSiteOff('chatgpt', api)).toBe('off-kept');
    expect((await readSettings()).disabledSites).toEqual(['chatgpt']);
    expect((await readSiteStates(['chatgpt'], api)).get('chatgpt')).toBe('off-kept');
    expect(await turnSiteOn('chatgpt', api)).toBe(true);
    expect((await readSettings()).disabledSites).toEqual([]);
  });

  it('keeps a site off when the user refuses access, and reports sites the browser withholds', async () => {
    const { api, granted } = fakePermissions('firefox', false);
    await turnSiteOff('gemini', api);
    expect(await turnSiteOn('gemini', api)).toBe(false);
    expect((await readSettings()).disabledSites).toEqual(['gemini']);
    granted.delete('https://poe.com/*');
    const states = await readSiteStates(['gemini'], api);
    expect([states.get('gemini'), states.get('poe'), states.get('claude')]).toEqual(['off', 'no-access', 'on']);
  });

  it('asks for access before anything is awaited, so the click still counts as a user gesture', async () => {
    const { api, requests } = fakePermissions('firefox');
    await writeSettings({ disabledSites: ['deepseek' as SiteId] });
    const pending = turnSiteOn('deepseek', api);
    // The request was made synchronously, within the caller's event handler.
    expect(requests).toEqual([['https://chat.deepseek.com/*']]);
    await pending;
  });
});
