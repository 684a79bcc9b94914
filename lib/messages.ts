import type { Measurement } from './event';
import { type WitnessReport } from './health';

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

/** Content script → background: what the page witness saw (lib/capture/witness.ts). */
export interface WitnessMessage {
  type: 'frugal/witness';
  report: WitnessReport;
}

/** The most prompts one report can claim missed: a person cannot send more in one check window. */
export const MAX_MISSED_PER_REPORT = 20;

export function isWitnessMessage(message: unknown): message is WitnessMessage {
  const record = message as Partial<WitnessMessage> | null;
  if (typeof record !== 'object' || record === null || record.type !== 'frugal/witness') return false;
  const report = record.report as Partial<WitnessReport> | undefined;
  return (
    typeof report === 'object' &&
    report !== null &&
    Number.isInteger(report.missed) &&
    report.missed! >= 0 &&
    report.missed! <= MAX_MISSED_PER_REPORT &&
    (report.composerFound === undefined || typeof report.composerFound === 'boolean') &&
    Object.keys(report).every((key) => key === 'missed' || key === 'composerFound')
  );
}
