import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleHistory } from '../lib/views/__tests__/sample-history';
import { BROWSERS, type ColorScheme, launch, type ExtensionBrowser, type Tab } from './browsers';
import { axeViolations, seedHistory } from './harness';

/**
 * Accessibility (axe-core: WCAG 2 A/AA and best practices) of the popup and
 * of every dashboard section, in both themes and both languages, over a
 * seeded history; keyboard use; screenshots for the README; the popup's
 * bundle size and first-render time with no history and with ten years.
 *
 * Screenshots go to e2e/.artifacts/screenshots, or to docs/screenshots with
 * FRUGAL_UPDATE_SCREENSHOTS=1 (they show the current week, so they change
 * whenever they are taken: update them on purpose, not on every run).
 */

const SCREENSHOTS = process.env.FRUGAL_UPDATE_SCREENSHOTS === '1' ? resolve('docs/screenshots') : resolve('e2e/.artifacts/screenshots');
const SECTIONS = ['overview', 'breakdown', 'prompts', 'data', 'settings', 'methodology'] as const;
const LANGUAGES = ['en', 'es'] as const;
const SCHEMES: readonly ColorScheme[] = ['light', 'dark'];

interface PageApi {
  storage: { local: { set(items: object): Promise<void> } };
}
type Scope = { browser?: PageApi; chrome?: PageApi };

/** Store the language setting from inside an extension page; the other settings keep their defaults. */
async function chooseLanguage(tab: Tab, language: string): Promise<void> {
  await tab.evaluate(async (chosen) => {
    const api = ((globalThis as Scope).browser ?? (globalThis as Scope).chrome)!;
    await api.storage.local.set({ settings: { language: chosen } });
  }, language);
}

describe.each(BROWSERS)('accessibility of the pages in %s', (browserName) => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launch(browserName, { hosts: [] });
    await seedHistory(browser, sampleHistory({ now: Date.now(), days: 182 }));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    browser?.dispose();
  });

  async function open(path: string, ready: string, width: number): Promise<Tab> {
    const tab = await browser.openExtensionPage(path);
    await tab.setViewport({ width, height: 900 });
    await tab.waitFor(ready);
    return tab;
  }

  for (const language of LANGUAGES) {
    for (const scheme of SCHEMES) {
      it(`has no axe violations in ${language}, ${scheme}`, async () => {
        await browser.setColorScheme(scheme);
        const setup = await open('popup.html', '#app[data-render-ms]', 380);
        await chooseLanguage(setup, language);
        await setup.close();

        const popup = await open('popup.html', '[data-testid="week-prompts"]', 380);
        expect(await popup.evaluate(() => document.documentElement.lang, null)).toBe(language);
        expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches, null)).toBe(scheme === 'dark');
        expect(await axeViolations(popup)).toEqual([]);
        if (browserName === 'chromium') await popup.screenshot(join(SCREENSHOTS, `popup-${language}-${scheme}.png`), { fullPage: true });
        await popup.close();

        for (const section of SECTIONS) {
          const page = await open(`dashboard.html#${section}`, `main[data-section="${section}"] h2`, 1100);
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))), null);
          if (section === 'prompts') {
            await page.waitFor('[data-testid="event-table"] button[aria-expanded]');
            await page.click('[data-testid="event-table"] button[aria-expanded]');
            await page.waitFor('[data-testid="explanation"]');
          }
          expect([section, await axeViolations(page)]).toEqual([section, []]);
          if (section === 'data') {
            await page.click('[data-testid="delete-all"]');
            await page.waitFor('dialog[open]');
            expect(['dialog', await axeViolations(page)]).toEqual(['dialog', []]);
            await page.press('Escape');
          }
          if (section === 'overview' && browserName === 'chromium') {
            await page.screenshot(join(SCREENSHOTS, `dashboard-${language}-${scheme}.png`), { fullPage: true });
          }
          await page.close();
        }
      });
    }
  }

  it('can be used with the keyboard: sections, a prompt’s details, a setting', async () => {
    await browser.setColorScheme('light');
    const page = await open('dashboard.html#overview', 'main[data-section="overview"] h2', 1100);
    // Tab to the "Prompts" section link and follow it.
    let focused = '';
    for (let press = 0; press < 10 && focused !== 'prompts'; press++) {
      await page.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.section ?? '', null);
    }
    expect(focused).toBe('prompts');
    await page.press('Enter');
    await page.waitFor('[data-testid="event-table"] button[aria-expanded]');
    await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="event-table"] button[aria-expanded]')!.focus(), null);
    await page.press('Enter');
    await page.waitFor('[data-testid="explanation"]');
    expect(await page.evaluate(() => document.querySelector('[data-testid="event-table"] button[aria-expanded]')!.getAttribute('aria-expanded'), null)).toBe('true');
    await page.close();

    const settings = await open('dashboard.html#settings', '[data-testid="pause-setting"] input', 1100);
    await settings.evaluate(() => document.querySelector<HTMLElement>('[data-testid="pause-setting"] input')!.focus(), null);
    await settings.press('Space');
    await settings.waitFor('[data-testid="pause-setting"] input:checked');
    await settings.press('Space');
    await settings.waitFor('[data-testid="pause-setting"] input:not(:checked)');
    await settings.close();
  });
});

describe.each(BROWSERS)('popup first render in %s', (browserName) => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launch(browserName, { hosts: [] });
  });

  afterAll(async () => {
    await browser?.close();
    browser?.dispose();
  });

  /** Median of five opens: the popup's own measure from script start to first render. */
  async function renderMs(ready: string): Promise<number> {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const popup = await browser.openExtensionPage('popup.html');
      await popup.waitFor(ready);
      await popup.waitFor('#app[data-render-ms]');
      times.push(await popup.evaluate(() => Number(document.getElementById('app')!.dataset.renderMs), null));
      await popup.close();
    }
    return times.sort((a, b) => a - b)[2]!;
  }

  it('takes as long with ten years of history as with none', async () => {
    const empty = await renderMs('[data-testid="first-run"]');
    const events = sampleHistory({ now: Date.now(), days: 3650, perWeekday: 12 });
    await seedHistory(browser, events);
    const tenYears = await renderMs('[data-testid="week-prompts"]');
    console.log(`${browserName}: popup first render ${empty.toFixed(0)} ms empty, ${tenYears.toFixed(0)} ms with ${events.length} prompts over ten years`);
    // The popup reads two weeks of rollups whatever the history: it must not grow with it.
    expect(tenYears).toBeLessThan(Math.max(250, empty * 3));
  });
});

describe('popup bundle', () => {
  it('loads under 80 kB of minified JavaScript', () => {
    for (const target of ['chrome-mv3', 'firefox-mv3']) {
      const dir = resolve(process.env.FRUGAL_OUTPUT_DIR ?? '.output', target);
      const html = readFileSync(join(dir, 'popup.html'), 'utf8');
      const scripts = [...html.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((match) => match[1]!);
      const bytes = scripts.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
      console.log(`${target}: popup loads ${scripts.length} scripts, ${(bytes / 1024).toFixed(1)} kB`);
      expect(scripts.length).toBeGreaterThan(0);
      expect(bytes).toBeLessThan(80 * 1024);
    }
  });
});
