import type { SiteId } from '../event';
import { emptyHealth, type SiteHealth } from '../health';
import type { FrugalDb } from './db';

/** Read-modify-write one site's health record in its own transaction. */
export async function updateHealth(db: FrugalDb, site: SiteId, change: (health: SiteHealth) => SiteHealth): Promise<void> {
  const tx = db.transaction('health', 'readwrite');
  const current = (await tx.store.get(site)) ?? emptyHealth(site);
  await tx.store.put(change(current));
  await tx.done;
}

export function readHealth(db: FrugalDb): Promise<SiteHealth[]> {
  return db.getAll('health');
}
