import type { SiteId } from '../event';
import { hostPermissions, scriptSiteForUrl } from '../sites/hosts';

/** The parts of the extension API this needs (the real `browser`, or a fake in tests). */
export interface InjectApi {
  tabs: { query(query: { url: string[] }): Promise<{ id?: number; url?: string }[]> };
  scripting: {
    executeScript(injection: {
      target: { tabId: number };
      files: string[];
      world?: 'MAIN' | 'ISOLATED';
      injectImmediately?: boolean;
    }): Promise<unknown>;
  };
}

/** Where the build puts each content script (one page-world tap per site; the relay, see wxt.config.ts). */
export const CONTENT_SCRIPT_FILES = {
  tap: (site: SiteId) => `content-scripts/tap-${site}.js`,
  relay: 'relay.js',
} as const;

/**
 * After an install or update, Chrome does not put content scripts into tabs
 * that are already open: those pages would go unmeasured (install) or keep an
 * orphaned relay whose measurements can no longer be delivered (update) until
 * reloaded. Inject both scripts into every open supported tab instead; the new
 * tap takes over new turns from the old one and the old tap hands its
 * unacknowledged measurements to the new relay (lib/capture/channel.ts).
 * Firefox injects into open tabs by itself when the add-on is installed,
 * updated or enabled (seen in Firefox ESR 153, 2026-12, relay first; not when
 * a temporary add-on is reloaded from about:debugging), so this runs in Chrome only.
 * Returns the number of tabs reached.
 */
export async function injectIntoOpenTabs(api: InjectApi): Promise<number> {
  const tabs = await api.tabs.query({ url: hostPermissions() });
  let reached = 0;
  for (const { id, url } of tabs) {
    const site = scriptSiteForUrl(url ?? '');
    if (id === undefined || !site) continue;
    try {
      await api.scripting.executeScript({
        target: { tabId: id },
        files: [CONTENT_SCRIPT_FILES.tap(site)],
        world: 'MAIN',
        injectImmediately: true,
      });
      await api.scripting.executeScript({ target: { tabId: id }, files: [CONTENT_SCRIPT_FILES.relay], injectImmediately: true });
      reached++;
    } catch {
      // A tab showing an error page or closing right now: it gets the scripts on its next load.
    }
  }
  return reached;
}
