import { classifyTask } from '../footprint/classify';
import type { SiteAdapter } from '../sites/types';
import { connectTap } from './channel';
import { installTap, type InstalledTap } from './tap';

/**
 * The main of every site's page-world tap (entrypoints/tap-<site>.content.ts:
 * in the page's own world, at document_start before any page script, leaving
 * no global behind). One bundle per site, so a page parses only its own
 * site's adapter. Connects to the relay, then wraps the page's network APIs.
 */
export function startTap(adapters: readonly SiteAdapter[]): void {
  let tap: InstalledTap | undefined;
  // A newer tap (after an extension update) takes over new turns from this one.
  const line = connectTap(document, () => tap?.retire());
  tap = installTap(window, {
    adapters,
    classify: classifyTask,
    send: (measurement) => line.send(measurement.id, measurement.durationMs, JSON.stringify(measurement)),
  });
}
