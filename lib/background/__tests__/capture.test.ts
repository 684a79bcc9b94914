import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { validMeasurement } from '../../capture/__tests__/fakes';
import { createDbConnection } from '../../store/db';
import { getEvents } from '../../store/events';
import { handleCapture, handleWitness, type CaptureDeps, type Sender } from '../capture';
import { readHealth } from '../../store/health';

const RUNTIME_ID = 'frugal-test-id';
const FROM_CHATGPT: Sender = { id: RUNTIME_ID, url: 'https://chatgpt.com/c/1', frameId: 0, tab: { id: 4 } };

let deps: CaptureDeps;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  deps = { runtimeId: RUNTIME_ID, db: createDbConnection(), onStorageError: vi.fn(), onStored: vi.fn() };
});

const capture = (...measurements: unknown[]) => ({ type: 'frugal/capture', measurements });

describe('handleCapture', () => {
  it('stores valid measurements under the site of the sender URL and acknowledges after commit', async () => {
    const reply = await handleCapture(capture(validMeasurement()), FROM_CHATGPT, deps);
    expect(reply).toEqual({ ok: true, stored: [validMeasurement().id], rejected: [] });
    expect(await getEvents(await deps.db())).toEqual([{ ...validMeasurement(), site: 'chatgpt' }]);
    expect(deps.onStored).toHaveBeenCalled();
  });

  it.each<[string, Sender]>([
    ['another extension', { ...FROM_CHATGPT, id: 'someone-else' }],
    ['an extension page (no tab)', { id: RUNTIME_ID, url: 'chrome-extension://frugal/popup.html' }],
    ['a sub-frame', { ...FROM_CHATGPT, frameId: 3 }],
    ['an unsupported site', { ...FROM_CHATGPT, url: 'https://evil.example/chatgpt.com' }],
    ['a look-alike host', { ...FROM_CHATGPT, url: 'https://chatgpt.com.evil.example/' }],
    ['plain http', { ...FROM_CHATGPT, url: 'http://chatgpt.com/' }],
  ])('ignores a message from %s', async (_label, sender) => {
    expect(await handleCapture(capture(validMeasurement()), sender, deps)).toBeUndefined();
    expect(await getEvents(await deps.db())).toEqual([]);
  });

  it('attributes a page by its current URL after an in-app navigation, on the same origin only', async () => {
    // X loads at /home and reaches /i/grok by history.pushState: sender.url stays /home.
    const onX: Sender = { id: RUNTIME_ID, url: 'https://x.com/home', frameId: 0, tab: { id: 5, url: 'https://x.com/i/grok' } };
    expect(await handleCapture(capture(validMeasurement()), onX, deps)).toMatchObject({ ok: true });
    expect(await getEvents(await deps.db())).toEqual([{ ...validMeasurement(), site: 'grok' }]);
    // The tab has since loaded another site: the sender's document speaks for its own URL only.
    const movedOn: Sender = { ...FROM_CHATGPT, tab: { id: 4, url: 'https://claude.ai/new' } };
    expect(await handleCapture(capture(validMeasurement({ id: 'b9a5f3de-2c41-4e8b-9d7a-0f1e2d3c4b5a' })), movedOn, deps)).toMatchObject({ ok: true });
    expect((await getEvents(await deps.db())).map((event) => event.site).sort()).toEqual(['chatgpt', 'grok']);
  });

  it('ignores messages that are not captures (other listeners may answer them)', async () => {
    expect(await handleCapture({ type: 'other' }, FROM_CHATGPT, deps)).toBeUndefined();
    expect(await handleCapture('frugal/capture', FROM_CHATGPT, deps)).toBeUndefined();
  });

  it('rejects invalid measurements by id and stores the valid ones', async () => {
    const bad = { ...validMeasurement({ id: '11111111-1111-4111-8111-111111111111' }), site: 'claude' };
    const reply = await handleCapture(capture(validMeasurement(), bad, 'junk'), FROM_CHATGPT, deps);
    expect(reply).toEqual({ ok: true, stored: [validMeasurement().id], rejected: [bad.id] });
  });

  it('refuses a batch larger than the relay ever sends', async () => {
    const many = Array.from({ length: 51 }, () => validMeasurement());
    expect(await handleCapture(capture(...many), FROM_CHATGPT, deps)).toBeUndefined();
  });

  it('asks for a retry and reports the failure when storage is unavailable', async () => {
    const failing: CaptureDeps = { ...deps, db: () => Promise.reject(new DOMException('private mode', 'InvalidStateError')) };
    const reply = await handleCapture(capture(validMeasurement()), FROM_CHATGPT, failing);
    expect(reply).toEqual({ ok: false, retry: true, reason: 'storage-unavailable' });
    expect(failing.onStorageError).toHaveBeenCalled();
  });
});

describe('site health', () => {
  it('records the latest detection when a new prompt is stored', async () => {
    await handleCapture(capture(validMeasurement()), FROM_CHATGPT, deps);
    expect(await readHealth(await deps.db())).toEqual([
      { site: 'chatgpt', lastDetectionAt: validMeasurement().at, missed: 0, composerMissing: 0 },
    ]);
  });

  it('adds up what page witnesses report, for the sender site only', async () => {
    const witness = (report: unknown) => ({ type: 'frugal/witness', report });
    expect(await handleWitness(witness({ missed: 1 }), FROM_CHATGPT, deps)).toBe(true);
    expect(await handleWitness(witness({ missed: 1, composerFound: false }), FROM_CHATGPT, deps)).toBe(true);
    expect(await readHealth(await deps.db())).toEqual([
      { site: 'chatgpt', lastDetectionAt: null, missed: 2, composerMissing: 1 },
    ]);
  });

  it.each([
    { missed: -1 },
    { missed: 1.5 },
    { missed: 21 },
    { missed: 1, composerFound: 'yes' },
    { missed: 1, site: 'claude' },
    null,
  ])('ignores a malformed witness report %j', async (report) => {
    expect(await handleWitness({ type: 'frugal/witness', report }, FROM_CHATGPT, deps)).toBeUndefined();
    expect(await readHealth(await deps.db())).toEqual([]);
  });

  it('ignores witness reports from outside a supported site', async () => {
    const sender = { ...FROM_CHATGPT, url: 'https://example.com/' };
    expect(await handleWitness({ type: 'frugal/witness', report: { missed: 3 } }, sender, deps)).toBeUndefined();
  });
});
