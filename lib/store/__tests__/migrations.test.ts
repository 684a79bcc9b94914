import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openFrugalDb, upgrade, type FrugalSchema } from '../db';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('schema upgrade', () => {
  it('creates every store and index from nothing (version 0 → current)', async () => {
    const db = await openFrugalDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['events', 'health', 'rollups']);
    const tx = db.transaction(['events', 'rollups']);
    expect([...tx.objectStore('events').indexNames]).toEqual(['at']);
    expect(tx.objectStore('events').keyPath).toBe('id');
    expect([...tx.objectStore('rollups').indexNames]).toEqual(['day']);
    expect(tx.objectStore('rollups').keyPath).toEqual(['day', 'site', 'model', 'kind', 'task']);
    db.close();
  });

  it('is a no-op when reopened at the same version, keeping data', async () => {
    const db = await openFrugalDb();
    await db.put('rollups', {
      day: '2026-11-26', site: 'chatgpt', model: '', kind: 'text', task: 'chat', count: 1, inputChars: 1,
      outputChars: 1, reasoningChars: 0, inputTokens: 1, inputTokensSq: 1, outputTokens: 1, reasoningTokens: 0,
      images: 0, durationMs: 1, complete: 1, interrupted: 0, error: 0,
    });
    db.close();
    const again = await openDB<FrugalSchema>(DB_NAME, DB_VERSION, { upgrade });
    expect(await again.count('rollups')).toBe(1);
    again.close();
  });
});
