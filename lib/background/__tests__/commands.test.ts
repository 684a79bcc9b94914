import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addSums, emptySums, sumsOf } from '../../event';
import { createDbConnection } from '../../store/db';
import { getEvents } from '../../store/events';
import { readHealth, updateHealth } from '../../store/health';
import { readRollups } from '../../store/rollups';
import { addDays } from '../../time';
import { sampleHistory, storeEvents } from '../../views/__tests__/sample-history';
import type { Sender } from '../capture';
import { handlePageCommand, isOwnPage, type CommandDeps } from '../commands';

const RUNTIME_ID = 'frugal-test-id';
const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;
const DASHBOARD: Sender = { id: RUNTIME_ID, url: `${ORIGIN}dashboard.html#events`, tab: { id: 9, url: `${ORIGIN}dashboard.html` } };
const POPUP: Sender = { id: RUNTIME_ID, url: `${ORIGIN}popup.html` };
const NOW = new Date(2026, 10, 26, 15).getTime();

let deps: CommandDeps;
let retentionDays: number | null;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  retentionDays = null;
  deps = {
    runtimeId: RUNTIME_ID,
    extensionOrigin: ORIGIN,
    db: createDbConnection(),
    settings: async () => ({ retentionDays: retentionDays as never }),
    now: () => NOW,
    onDeletedAll: vi.fn(async () => undefined),
  };
});

async function rollupTotal() {
  const sums = emptySums();
  for (const rollup of await readRollups(await deps.db(), '0000', '9999')) addSums(sums, rollup);
  return sums;
}

async function eventTotal() {
  const sums = emptySums();
  for (const event of await getEvents(await deps.db())) addSums(sums, sumsOf(event));
  return sums;
}

describe('page commands', () => {
  it.each<[string, Sender]>([
    ['a content script on a website', { id: RUNTIME_ID, url: 'https://chatgpt.com/', frameId: 0, tab: { id: 2, url: 'https://chatgpt.com/' } }],
    ['another extension', { id: 'other', url: 'chrome-extension://other/page.html' }],
    ['a look-alike origin', { id: RUNTIME_ID, url: `chrome-extension://${RUNTIME_ID}.evil/page.html` }],
    ['a sender without a URL', { id: RUNTIME_ID }],
  ])('ignores commands from %s', async (_label, sender) => {
    await storeEvents(await deps.db(), sampleHistory({ now: NOW, days: 2 }));
    expect(isOwnPage(sender, deps)).toBe(false);
    expect(await handlePageCommand({ type: 'frugal/delete-all' }, sender, deps)).toBeUndefined();
    expect((await getEvents(await deps.db())).length).toBeGreaterThan(0);
  });

  it('accepts its own pages, in a tab or not', () => {
    expect(isOwnPage(DASHBOARD, deps)).toBe(true);
    expect(isOwnPage(POPUP, deps)).toBe(true);
  });

  it('ignores malformed commands', async () => {
    for (const message of [
      { type: 'frugal/delete-event' },
      { type: 'frugal/delete-event', id: 'x'.repeat(65) },
      { type: 'frugal/delete-event', id: 'a', extra: 1 },
      { type: 'frugal/delete-all', now: true },
      { type: 'frugal/capture', measurements: [] },
      null,
    ]) {
      expect(await handlePageCommand(message, DASHBOARD, deps)).toBeUndefined();
    }
  });

  it('deletes one event and its share of the rollups', async () => {
    const events = sampleHistory({ now: NOW, days: 3 });
    await storeEvents(await deps.db(), events);
    const victim = events[5]!;
    expect(await handlePageCommand({ type: 'frugal/delete-event', id: victim.id }, DASHBOARD, deps)).toEqual({ ok: true, deleted: 1 });
    expect(await handlePageCommand({ type: 'frugal/delete-event', id: victim.id }, DASHBOARD, deps)).toEqual({ ok: true, deleted: 0 });
    expect((await getEvents(await deps.db())).map((event) => event.id)).not.toContain(victim.id);
    expect(await rollupTotal()).toEqual(await eventTotal());
  });

  it('deletes everything: events, rollups, health, and what was derived from them', async () => {
    const events = sampleHistory({ now: NOW, days: 3 });
    await storeEvents(await deps.db(), events);
    await updateHealth(await deps.db(), 'claude', (health) => ({ ...health, missed: 3 }));
    expect(await handlePageCommand({ type: 'frugal/delete-all' }, DASHBOARD, deps)).toEqual({ ok: true, deleted: events.length });
    expect(await getEvents(await deps.db())).toEqual([]);
    expect(await readRollups(await deps.db(), '0000', '9999')).toEqual([]);
    expect(await readHealth(await deps.db())).toEqual([]);
    expect(deps.onDeletedAll).toHaveBeenCalledOnce();
  });

  it('prunes history older than the retention period, in batches, keeping rollups exact', async () => {
    const events = sampleHistory({ now: NOW, days: 200, perWeekday: 8 });
    await storeEvents(await deps.db(), events);
    expect(await handlePageCommand({ type: 'frugal/apply-retention' }, DASHBOARD, deps)).toEqual({ ok: true, deleted: 0 });
    retentionDays = 90;
    const cutoff = addDays(NOW, -90);
    const old = events.filter((event) => event.at < cutoff).length;
    expect(old).toBeGreaterThan(500);
    expect(await handlePageCommand({ type: 'frugal/apply-retention' }, DASHBOARD, deps)).toEqual({ ok: true, deleted: old });
    const kept = await getEvents(await deps.db());
    expect(kept).toHaveLength(events.length - old);
    expect(Math.min(...kept.map((event) => event.at))).toBeGreaterThanOrEqual(cutoff);
    expect(await rollupTotal()).toEqual(await eventTotal());
  });

  it('answers storage-unavailable when the database cannot open', async () => {
    deps.db = () => Promise.reject(new Error('quota'));
    expect(await handlePageCommand({ type: 'frugal/delete-all' }, DASHBOARD, deps)).toEqual({ ok: false, reason: 'storage-unavailable' });
  });
});
