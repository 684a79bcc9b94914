import type { SiteAdapter } from '../sites/types';
import { connectTap } from './channel';
import { installTap, type InstalledTap } from './tap';
import type { ClassifyTask } from './turn';

/**
 * The main of every site's page-world tap (entrypoints/tap-<site>.content.ts:
 * in the page's own world, at document_start before any page script, leaving
 * no global behind). One bundle per site, so a page parses only its own
 * site's adapter. Connects to the relay, then wraps the page's network APIs.
 *
 * `classify` is the task classifier (lib/footprint/classify.ts) for sites where
 * people write text prompts. Image sites leave it out: their every event is an
 * image or video task whatever the words say, and the classifier's word lists
 * (4.3 kB minified) would weigh on each of their pages for nothing.
 */
export function startTap(adapters: readonly SiteAdapter[], classify: ClassifyTask = () => 'other'): void {
  let tap: InstalledTap | undefined;
  // A newer tap (after an extension update) takes over new turns from this one.
  const line = connectTap(document, () => tap?.retire());
  tap = installTap(window, {
    adapters,
    classify,
    send: (measurement) => line.send(measurement.id, measurement.durationMs, JSON.stringify(measurement)),
  });
}
