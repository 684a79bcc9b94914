import { defineContentScript } from 'wxt/utils/define-content-script';
import { connectTap } from '../lib/capture/channel';
import { installTap, type InstalledTap } from '../lib/capture/tap';
import { classifyTask } from '../lib/footprint/classify';
import { ADAPTERS } from '../lib/sites';
import { hostPermissions, scriptSiteForUrl } from '../lib/sites/hosts';

/** The page-world network tap: sees prompt traffic, sends numbers only. */
export default defineContentScript({
  matches: hostPermissions(),
  world: 'MAIN',
  runAt: 'document_start',
  // Leave no global behind in the page.
  globalName: false,
  main() {
    const site = scriptSiteForUrl(location.href);
    const adapters = ADAPTERS.filter((adapter) => adapter.site === site);
    if (adapters.length === 0) return;
    let tap: InstalledTap | undefined;
    // A newer tap (after an extension update) takes over new turns from this one.
    const line = connectTap(document, () => tap?.retire());
    tap = installTap(window, {
      adapters,
      classify: classifyTask,
      send: (measurement) => line.send(measurement.id, measurement.durationMs, JSON.stringify(measurement)),
    });
  },
});
