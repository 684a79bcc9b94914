import type { Measurement } from '../event';
import type { CaptureReply } from '../messages';
import { isCaptureMessage } from '../messages';
import { RELAY_LIMITS } from '../capture/relay';
import { parseMeasurement } from '../capture/schema';
import { siteForUrl } from '../sites/hosts';
import type { FrugalDb } from '../store/db';
import { storeMeasurements } from '../store/events';

/** The parts of runtime.MessageSender this check reads. */
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
 * Handle a capture message from the relay. Returns undefined for messages that
 * are not captures or not from our own content script in a supported site's top
 * frame: those get no answer at all. The site comes from the sender's URL, so a
 * page can only ever add to its own site's counts.
 */
export async function handleCapture(
  message: unknown,
  sender: Sender,
  deps: CaptureDeps,
): Promise<CaptureReply | undefined> {
  if (!isCaptureMessage(message)) return undefined;
  if (sender.id !== deps.runtimeId || !sender.tab || sender.frameId !== 0) return undefined;
  const site = siteForUrl(sender.url ?? sender.tab.url);
  if (!site) return undefined;
  if (message.measurements.length > RELAY_LIMITS.batch) return undefined;

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

  let outcomes;
  try {
    outcomes = await storeMeasurements(await deps.db(), site, valid);
  } catch (error) {
    deps.onStorageError(error);
    return { ok: false, retry: true, reason: 'storage-unavailable' };
  }
  const stored: string[] = [];
  for (const [id, outcome] of outcomes) (outcome === 'rejected' ? rejected : stored).push(id);
  deps.onStored?.();
  return { ok: true, stored, rejected };
}
