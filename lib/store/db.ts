import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { MeasurementSums, StoredEvent } from '../event';
import type { SiteHealth } from '../health';

/**
 * The IndexedDB schema. Captures, deletions and retention are written by the
 * background; a CSV import is the one write made from an extension page (the
 * dashboard), in a single transaction that follows the same merge rule
 * (lib/store/import.ts). IndexedDB serialises the two writers' transactions.
 *
 * Migrations: `upgrade` runs cumulative `if (oldVersion < N)` steps. Never delete
 * or recreate a store, never remove a step; each is tested from a fixture of
 * every older version (lib/store/__tests__/migrations.test.ts).
 */

export const DB_NAME = 'frugal';
export const DB_VERSION = 1;

/** A stored event plus the rollup day it was counted in (so removal undoes exactly that). */
export interface EventRecord extends StoredEvent {
  rollupDay: string;
}

/** Sums of raw measurements for one (day, site, model, kind, task). */
export interface RollupRecord extends MeasurementSums {
  day: string;
  site: StoredEvent['site'];
  /** '' when the site did not say (IndexedDB keys cannot hold null). */
  model: string;
  kind: StoredEvent['kind'];
  task: StoredEvent['task'];
}

export interface FrugalSchema extends DBSchema {
  events: {
    key: string;
    value: EventRecord;
    indexes: { at: number };
  };
  rollups: {
    key: [string, string, string, string, string];
    value: RollupRecord;
    indexes: { day: string };
  };
  health: {
    key: string;
    value: SiteHealth;
  };
}

export type FrugalDb = IDBPDatabase<FrugalSchema>;

export function upgrade(
  db: IDBPDatabase<FrugalSchema>,
  oldVersion: number,
  _newVersion: number | null,
  _tx: IDBPTransaction<FrugalSchema, StoreNames<FrugalSchema>[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('at', 'at');
    const rollups = db.createObjectStore('rollups', { keyPath: ['day', 'site', 'model', 'kind', 'task'] });
    rollups.createIndex('day', 'day');
    db.createObjectStore('health', { keyPath: 'site' });
  }
}

export interface OpenOptions {
  /** Another context wants a newer version: close so it can upgrade. */
  onBlocking?: () => void;
  /** An older connection elsewhere keeps this one from upgrading. */
  onBlocked?: () => void;
  /** The browser closed the connection abnormally. */
  onTerminated?: () => void;
}

export function openFrugalDb(options: OpenOptions = {}): Promise<FrugalDb> {
  return openDB<FrugalSchema>(DB_NAME, DB_VERSION, {
    upgrade,
    blocked: () => options.onBlocked?.(),
    blocking: () => options.onBlocking?.(),
    terminated: () => options.onTerminated?.(),
  });
}

/**
 * One lazily opened connection per context. It is dropped when it blocks an
 * upgrade or the browser closes it, and reopened on next use.
 */
export function createDbConnection(options: { onBlocked?: () => void } = {}): () => Promise<FrugalDb> {
  let connection: Promise<FrugalDb> | null = null;
  return () => {
    if (!connection) {
      const forget = (): void => {
        if (connection === opening) connection = null;
      };
      const opening = openFrugalDb({
        onBlocked: options.onBlocked,
        onBlocking: () => {
          forget();
          void opening.then((db) => db.close());
        },
        onTerminated: forget,
      });
      connection = opening;
      opening.catch(forget);
    }
    return connection;
  };
}
