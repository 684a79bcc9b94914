import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type StoredEvent, sumsOf } from '../../event';
import { aggregate } from '../../footprint';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import { createDbConnection } from '../../store/db';
import { addDays, startOfWeek } from '../../time';
import { sampleHistory, storeEvents } from '../../views/__tests__/sample-history';
import { testTranslator } from '../../views/__tests__/translators';
import { badgeLook, createBadge } from '../badge';
import { notifyWeeklySummary, type NotificationsApi, WEEKLY_NOTIFICATION_ID } from '../notify';
import { lastWeekStart, type SummaryStore, type WeeklySummary } from '../summary';
import { runChores, type ChoreDeps } from '../weekly';

// Thursday 26 November 2026, 15:00 local time; es-ES weeks start on Monday the 23rd.
const NOW = new Date(2026, 10, 26, 15).getTime();
const LOCALE = 'es-ES';

let stored: WeeklySummary | null;
let settings: Settings;
let deps: ChoreDeps;
let events: StoredEvent[];

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  stored = null;
  settings = { ...DEFAULT_SETTINGS, disabledSites: [] };
  const summaries: SummaryStore = { read: async () => stored, write: async (summary) => void (stored = summary) };
  const translator = await testTranslator('es');
  deps = {
    db: createDbConnection(),
    summaries,
    settings: async () => settings,
    translator: async () => translator,
    now: () => NOW,
    onSummaryReady: vi.fn(async () => undefined),
    notify: vi.fn(async () => true),
  };
  events = sampleHistory({ now: NOW, days: 60 });
  await storeEvents(await deps.db(), events);
});

function weekOf(start: number) {
  return events.filter((event) => event.at >= start && event.at < addDays(start, 7));
}

describe('weekly summary chores', () => {
  it('summarises the week that ended, once, and marks it unread', async () => {
    await runChores(deps);
    const start = lastWeekStart(NOW, LOCALE);
    expect(start).toBe(addDays(startOfWeek(NOW, LOCALE), -7));
    // Priced event by event, independently of the rollups the summary reads.
    const expected = aggregate(weekOf(start).map((event) => ({ key: event, sums: sumsOf(event) })));
    expect(stored).toMatchObject({ weekStart: start, prompts: weekOf(start).length, previousPrompts: weekOf(addDays(start, -7)).length, seen: false });
    expect(stored!.energyWh.central).toBeCloseTo(expected.total.energyWh.central, 9);
    expect(stored!.simplerEnergyWh.central).toBeCloseTo(expected.alternatives.energyWh.central, 9);
    expect(deps.onSummaryReady).toHaveBeenCalledOnce();
    // Notifications are opt-in.
    expect(deps.notify).not.toHaveBeenCalled();

    await runChores(deps);
    expect(deps.onSummaryReady).toHaveBeenCalledOnce();
  });

  it('notifies when the user opted in', async () => {
    settings = { ...settings, weeklyNotification: true };
    await runChores(deps);
    expect(deps.notify).toHaveBeenCalledWith(stored, expect.objectContaining({ language: 'es' }));
  });

  it('announces nothing after an empty week', async () => {
    globalThis.indexedDB = new IDBFactory();
    deps.db = createDbConnection();
    await runChores(deps);
    expect(stored).toMatchObject({ prompts: 0, seen: true });
    expect(deps.onSummaryReady).not.toHaveBeenCalled();
  });

  it('applies the retention period', async () => {
    settings = { ...settings, retentionDays: 30 };
    await runChores(deps);
    const kept = await (await deps.db()).getAll('events');
    expect(kept.length).toBe(events.filter((event) => event.at >= addDays(NOW, -30)).length);
  });
});

describe('weekly notification', () => {
  it('says the digest in the chosen language', async () => {
    await runChores(deps);
    const create = vi.fn(async () => WEEKLY_NOTIFICATION_ID);
    await notifyWeeklySummary({ create } as NotificationsApi, stored!, await testTranslator('es'));
    expect(create).toHaveBeenCalledWith(WEEKLY_NOTIFICATION_ID, expect.objectContaining({ type: 'basic', title: 'Frugal · tu semana' }));
    const [[, options]] = create.mock.calls as unknown as [[string, { message: string }]];
    expect(options.message).toMatch(/^\d+ prompts, [\d,]+\sk?Wh\. Las herramientas sencillas habrían usado [\d,]+\sk?Wh\.$/);
  });
});

describe('badge', () => {
  it('shows the most important state', async () => {
    const { t } = await testTranslator('en');
    expect(badgeLook({ storageError: true, paused: true, summaryReady: true }, t).text).toBe('!');
    expect(badgeLook({ storageError: false, paused: true, summaryReady: true }, t)).toMatchObject({ text: '‖', title: 'Frugal is paused' });
    expect(badgeLook({ storageError: false, paused: false, summaryReady: true }, t).text).toBe('•');
    expect(badgeLook({ storageError: false, paused: false, summaryReady: false }, t)).toEqual({ text: '', color: expect.any(String), title: 'Frugal' });
  });

  it('redraws in order, and survives a failing browser call', async () => {
    const { t } = await testTranslator('en');
    const texts: string[] = [];
    const api = {
      setBadgeText: vi.fn(async ({ text }: { text: string }) => void texts.push(text)),
      setBadgeBackgroundColor: vi.fn(async () => {
        if (texts.length === 1) throw new Error('closed');
      }),
      setTitle: vi.fn(async () => undefined),
    };
    const badge = createBadge(api, async () => t);
    void badge.update({ paused: true });
    void badge.update({ summaryReady: true });
    await badge.update({ paused: false });
    expect(texts).toEqual(['‖', '‖', '•']);
  });
});
