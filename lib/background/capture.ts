import type { Measurement, SiteId } from '../event';
import { afterDetection, afterWitness } from '../health';
import type { CaptureReply } from '../messages';
import { isCaptureMessage, isWitnessMessage } from '../messages';
import { RELAY_LIMITS } from '../capture/relay';
import { parseMeasurement } from '../capture/schema';
import { siteForUrl } from '../sites/hosts';
import type { FrugalDb } from '../store/db';
import { storeMeasurements } from '../store/events';
import { updateHealth } from '../store/health';

/** The parts of runtime.MessageSender these checks read. */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface CaptureDeps {
  runtimeId: string;
  db: () => Promise<FrugalDb>;
  /** Storage failed (private mode, quota): the UI must show it; nothing is acknowledged. */
  onStorageError: (error: unknown) => void;
  onStored?: () => void;
}

/**
 * The site a content-script message speaks for: only our own content script,
 * in the top frame of a tab whose URL is a supported site. The site comes from
 * that URL, never from the message, so a page can only touch its own site.
 */
export function senderSite(sender: Sender, runtimeId: string): SiteId | null {
  if (sender.id !== runtimeId || !sender.tab || sender.frameId !== 0) return null;
  return siteForUrl(currentUrl(sender.url, sender.tab.url));
}

/**
 * The sending page's URL now. After an in-app navigation (history.pushState, as
 * X does to reach /i/grok) Chromium and Firefox both still give `sender.url` as
 * the URL the document loaded at (seen in the e2e replay, 2026-11), while the
 * tab's URL has moved on. The tab's URL is taken only on the sender's origin: it
 * may change the path, never the host, so a page still speaks only for itself.
 */
function currentUrl(senderUrl: string | undefined, tabUrl: string | undefined): string | undefined {
  if (!senderUrl || !tabUrl) return senderUrl ?? tabUrl;
  try {
    return new URL(senderUrl).origin === new URL(tabUrl).origin ? tabUrl : senderUrl;
  } catch {
    return senderUrl;
  }
}

/**
 * Handle a capture message from the relay. Returns undefined for messages that
 * are not captures or not from a supported site's content script: those get no
 * answer at all. Acknowledges only after the IndexedDB transaction committed.
 */
export async function handleCapture(
  message: unknown,
  sender: Sender,
  deps: CaptureDeps,
): Promise<CaptureReply | undefined> {
  if (!isCaptureMessage(message)) return undefined;
  const site = senderSite(sender, deps.runtimeId);
  if (!site || message.measurements.length > RELAY_LIMITS.batch) return undefined;

  const valid: Measurement[] = [];
  const rejected: string[] = [];
  for (const candidate of message.measurements) {
    const measurement = parseMeasurement(candidate);
    if (measurement) valid.push(measurement);
    else {
      const id = (candidate as { id?: unknown } | null)?.id;
      if (typeof id === 'string') rejected.push(id.slice(0, 64));
    }
  }
  if (valid.length === 0) return { ok: true, stored: [], rejected };

  let db: FrugalDb;
  let outcomes;
  try {
    db = await deps.db();
    outcomes = await storeMeasurements(db, site, valid);
  } catch (error) {
    deps.onStorageError(error);
    return { ok: false, retry: true, reason: 'storage-unavailable' };
  }
  const stored: string[] = [];
  for (const [id, outcome] of outcomes) (outcome === 'rejected' ? rejected : stored).push(id);
  const latest = Math.max(...valid.filter((m) => outcomes.get(m.id) === 'added').map((m) => m.at));
  if (Number.isFinite(latest)) {
    // Health is advisory: its failure must not turn a stored capture into a retry.
    await updateHealth(db, site, (health) => afterDetection(health, latest)).catch(() => undefined);
  }
  deps.onStored?.();
  return { ok: true, stored, rejected };
}

/** Record what a page witness reported about its site's detector. */
export async function handleWitness(message: unknown, sender: Sender, deps: CaptureDeps): Promise<true | undefined> {
  if (!isWitnessMessage(message)) return undefined;
  const site = senderSite(sender, deps.runtimeId);
  if (!site) return undefined;
  try {
    await updateHealth(await deps.db(), site, (health) => afterWitness(health, message.report));
  } catch (error) {
    deps.onStorageError(error);
  }
  return true;
}
