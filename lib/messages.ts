import type { Measurement } from './event';

/** Content script → background: measurements to store. */
export interface CaptureMessage {
  type: 'frugal/capture';
  measurements: Measurement[];
}

/**
 * Background → content script, sent only after the IndexedDB transaction
 * committed. `stored` ids are safe to forget (new, updated or already known);
 * `rejected` ids failed validation and must not be retried; `retry` means
 * storage is unavailable right now.
 */
export type CaptureReply =
  | { ok: true; stored: string[]; rejected: string[] }
  | { ok: false; retry: true; reason: 'storage-unavailable' | 'busy' };

export function isCaptureMessage(message: unknown): message is CaptureMessage {
  const record = message as Partial<CaptureMessage> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    record.type === 'frugal/capture' &&
    Array.isArray(record.measurements)
  );
}
