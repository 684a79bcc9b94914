import type { Settings } from '../settings';
import { retentionCutoff } from '../settings';
import type { FrugalDb } from '../store/db';
import { deleteEvent } from '../store/events';
import type { Sender } from './capture';
import { deleteEventsBefore, deleteEverything } from './maintenance';

/**
 * Commands that change the history, sent by Frugal's own pages (dashboard,
 * settings) to the background, which alone writes IndexedDB. They are
 * privileged: accepted only from a page of this extension, never from a
 * content script or another extension.
 */
export type PageCommand =
  | { type: 'frugal/delete-event'; id: string }
  | { type: 'frugal/delete-all' }
  | { type: 'frugal/apply-retention' };

export type PageCommandReply = { ok: true; deleted: number } | { ok: false; reason: 'storage-unavailable' };

export interface CommandDeps {
  runtimeId: string;
  /** `browser.runtime.getURL('')`: this extension's origin with a trailing slash. */
  extensionOrigin: string;
  db: () => Promise<FrugalDb>;
  settings: () => Promise<Pick<Settings, 'retentionDays'>>;
  now: () => number;
  /** Everything was deleted: forget what was derived from it (the weekly summary). */
  onDeletedAll?: () => Promise<void>;
}

/** Event ids are UUIDs; anything longer is not one of ours. */
const MAX_ID_LENGTH = 64;

export function isPageCommand(message: unknown): message is PageCommand {
  const record = message as { type?: unknown; id?: unknown } | null;
  if (typeof record !== 'object' || record === null) return false;
  const keys = Object.keys(record);
  switch (record.type) {
    case 'frugal/delete-event':
      return typeof record.id === 'string' && record.id.length > 0 && record.id.length <= MAX_ID_LENGTH && keys.length === 2;
    case 'frugal/delete-all':
    case 'frugal/apply-retention':
      return keys.length === 1;
    default:
      return false;
  }
}

/**
 * A page of this extension: our id, and a URL in our own origin. A content
 * script's sender URL is the website's, so it never passes; an extension page
 * shown in a tab (the dashboard) has a tab, which is fine: its URL is ours.
 */
export function isOwnPage(sender: Sender, deps: Pick<CommandDeps, 'runtimeId' | 'extensionOrigin'>): boolean {
  if (sender.id !== deps.runtimeId || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    const own = new URL(deps.extensionOrigin);
    // Scheme and host, not `origin`: URL gives "null" origins to non-web schemes in some engines.
    return url.protocol === own.protocol && url.host === own.host && own.host !== '';
  } catch {
    return false;
  }
}

/** Deletes per the retention setting; 0 when history is kept for ever. */
export async function applyRetention(db: FrugalDb, settings: Pick<Settings, 'retentionDays'>, now: number): Promise<number> {
  if (settings.retentionDays === null) return 0;
  return deleteEventsBefore(db, retentionCutoff(settings.retentionDays, now));
}

/** Returns undefined for anything that is not a page command from our own page: no answer at all. */
export async function handlePageCommand(
  message: unknown,
  sender: Sender,
  deps: CommandDeps,
): Promise<PageCommandReply | undefined> {
  if (!isPageCommand(message) || !isOwnPage(sender, deps)) return undefined;
  try {
    const db = await deps.db();
    switch (message.type) {
      case 'frugal/delete-event':
        return { ok: true, deleted: (await deleteEvent(db, message.id)) ? 1 : 0 };
      case 'frugal/delete-all': {
        const deleted = await deleteEverything(db);
        await deps.onDeletedAll?.();
        return { ok: true, deleted };
      }
      case 'frugal/apply-retention':
        return { ok: true, deleted: await applyRetention(db, await deps.settings(), deps.now()) };
    }
  } catch {
    return { ok: false, reason: 'storage-unavailable' };
  }
}
