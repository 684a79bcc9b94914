import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, parseSettings, readSettings, SETTINGS_KEY, watchSettings, writeSettings } from '../settings';

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
