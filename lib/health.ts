import type { SiteId } from './event';

/**
 * Whether each site's detector still works. Sites redesign several times a
 * year; when a detector breaks, Frugal says "needs update" instead of silently
 * counting nothing. Two signals, both from the relay's page witness:
 * prompts the page showed being sent that no detector measured, and page loads
 * where the site's prompt box was not found at all.
 */

export interface SiteHealth {
  site: SiteId;
  /** When a prompt on this site was last measured (epoch ms). */
  lastDetectionAt: number | null;
  /** Prompts seen sent on the page but not measured, since the last measurement. */
  missed: number;
  /** Page loads in a row where the prompt box never appeared. */
  composerMissing: number;
}

/** What a page's witness reports (lib/capture/witness.ts). */
export interface WitnessReport {
  /** Whether the prompt box appeared; absent when this report is not about it. */
  composerFound?: boolean;
  /** Prompts sent on the page since the last report that no detector measured. */
  missed: number;
}

export type HealthStatus = 'working' | 'needs-update' | 'unknown';

/** Two missed prompts are not chance; three page loads without a prompt box are a redesign. */
export const MISSED_PROMPTS_LIMIT = 2;
export const MISSING_COMPOSER_LIMIT = 3;

export function emptyHealth(site: SiteId): SiteHealth {
  return { site, lastDetectionAt: null, missed: 0, composerMissing: 0 };
}

export function healthStatus(health: SiteHealth | undefined): HealthStatus {
  if (!health) return 'unknown';
  if (health.missed >= MISSED_PROMPTS_LIMIT || health.composerMissing >= MISSING_COMPOSER_LIMIT) return 'needs-update';
  return health.lastDetectionAt === null ? 'unknown' : 'working';
}

/** A prompt was measured: the detector works (and the prompt box evidently exists). */
export function afterDetection(health: SiteHealth, at: number): SiteHealth {
  return { ...health, lastDetectionAt: Math.max(at, health.lastDetectionAt ?? 0), missed: 0, composerMissing: 0 };
}

export function afterWitness(health: SiteHealth, report: WitnessReport): SiteHealth {
  let composerMissing = health.composerMissing;
  if (report.composerFound === true) composerMissing = 0;
  if (report.composerFound === false) composerMissing++;
  return { ...health, missed: health.missed + report.missed, composerMissing };
}
