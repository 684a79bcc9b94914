import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { budgetAmount, DEFAULT_SETTINGS, MAX_BUDGET, parseSettings, readSettings, SETTINGS_KEY, watchSettings, writeSettings } from '../settings';

describe('settings', () => {
  it('reads the defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid fields of a damaged record and defaults the rest', () => {
    expect(
      parseSettings({
        region: 'FRA',
        paused: 'yes',
        disabledSites: ['claude', 'nowhere', 'claude'],
        retentionDays: 45,
        budget: { unit: 'co2g', perWeek: -3 },
        language: 'es',
        weeklyNotification: true,
        extra: 1,
      }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      region: 'FRA',
      disabledSites: ['claude'],
      language: 'es',
      weeklyNotification: true,
    });
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('counts a prompt budget in whole prompts: a stored fraction is rounded, grams keep their decimals', () => {
    expect(parseSettings({ budget: { unit: 'prompts', perWeek: 2.5 } }).budget).toEqual({ unit: 'prompts', perWeek: 3 });
    expect(parseSettings({ budget: { unit: 'prompts', perWeek: 0.2 } }).budget).toEqual({ unit: 'prompts', perWeek: 1 });
    expect(parseSettings({ budget: { unit: 'co2g', perWeek: 2.5 } }).budget).toEqual({ unit: 'co2g', perWeek: 2.5 });
  });

  it('accepts as a typed weekly limit only a whole number of prompts, or grams above zero', () => {
    expect(['1', '40', ' 7 ', String(MAX_BUDGET)].map((typed) => budgetAmount('prompts', typed))).toEqual([1, 40, 7, MAX_BUDGET]);
    for (const typed of ['', ' ', '0', '-3', '2.5', '0.5', 'abc', 'Infinity', String(MAX_BUDGET + 1)]) {
      expect([typed, budgetAmount('prompts', typed)]).toEqual([typed, null]);
    }
    expect(['0.5', '2.5', '40'].map((typed) => budgetAmount('co2g', typed))).toEqual([0.5, 2.5, 40]);
    for (const typed of ['', '0', '-1', 'abc', String(MAX_BUDGET + 0.5)]) expect([typed, budgetAmount('co2g', typed)]).toEqual([typed, null]);
  });

  it('stores disabled sites once each, in a stable order', () => {
    expect(parseSettings({ disabledSites: ['poe', 'claude', 'poe'] }).disabledSites).toEqual(['claude', 'poe']);
  });

  it('writes a change over the stored settings', async () => {
    await writeSettings({ paused: true });
    const stored = await writeSettings({ budget: { unit: 'prompts', perWeek: 50 }, retentionDays: 90 });
    expect(stored).toEqual({ ...DEFAULT_SETTINGS, paused: true, budget: { unit: 'prompts', perWeek: 50 }, retentionDays: 90 });
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(stored);
  });

  it('tells watchers about changes until they unsubscribe', async () => {
    const seen = vi.fn();
    const stop = watchSettings(seen);
    await writeSettings({ region: 'WORLD' });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, region: 'WORLD' }));
    stop();
    await writeSettings({ region: 'ESP' });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
