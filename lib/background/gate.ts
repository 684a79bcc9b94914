import { RELAY_LIMITS } from '../capture/relay';
import type { CaptureReply } from '../messages';
import { isCaptureMessage } from '../messages';
import type { Settings } from '../settings';
import { senderSite, type Sender } from './capture';

/**
 * What the user asked not to record: every capture while tracking is paused,
 * and any capture from a site they turned off. Such a capture is acknowledged
 * as handled without writing anything, so the relay and the tap forget it
 * rather than retrying it after the pause. Messages the capture handler would
 * not answer (wrong sender, not a capture) are left to it: returns null.
 */
export function droppedCapture(
  message: unknown,
  sender: Sender,
  runtimeId: string,
  settings: Pick<Settings, 'paused' | 'disabledSites'>,
): CaptureReply | null {
  if (!isCaptureMessage(message)) return null;
  const site = senderSite(sender, runtimeId);
  if (!site || message.measurements.length > RELAY_LIMITS.batch) return null;
  if (!settings.paused && !settings.disabledSites.includes(site)) return null;
  const ids = message.measurements
    .map((candidate) => (candidate as { id?: unknown } | null)?.id)
    .filter((id): id is string => typeof id === 'string')
    .map((id) => id.slice(0, 64));
  return { ok: true, stored: ids, rejected: [] };
}

/** A site turned off leaves no trace, not even a health record (its warning would be noise). */
export function isFromDisabledSite(sender: Sender, runtimeId: string, settings: Pick<Settings, 'disabledSites'>): boolean {
  const site = senderSite(sender, runtimeId);
  return site !== null && settings.disabledSites.includes(site);
}
