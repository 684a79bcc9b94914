import type { SiteId } from '../event';
import { readSettings, writeSettings } from '../settings';
import { hostPermissions, scriptSiteForUrl, SITE_HOSTS } from '../sites/hosts';

/**
 * Turning a site on and off, honestly in both browsers.
 *
 * The sites are `host_permissions`, granted at install so Frugal works from
 * the first prompt (and so the end-to-end tests can run: a permission prompt
 * cannot be clicked in a headless browser).
 *
 * - Firefox treats an MV3 extension's host permissions as optional: the user
 *   can revoke them in about:addons, and `permissions.remove` gives them back.
 *   Turning a site off removes the access, so the browser no longer runs
 *   Frugal's scripts there; turning it on asks for it again
 *   (`permissions.request`, which shows the browser's prompt).
 * - Chrome refuses to remove a required permission ("You cannot remove
 *   required permissions", chrome/browser/extensions/api/permissions/
 *   permissions_api.cc, read 2026-11). The access stays, the settings say so,
 *   and the background drops whatever that site sends. The user can still
 *   withhold it in Chrome's own site-access menu, which Frugal then reports as
 *   "no access"; turning the site on asks for it back.
 *
 * In both browsers the site is recorded as off in the settings first, so
 * nothing more is stored from the moment the switch is turned.
 */

/** The parts of `browser.permissions` used here. */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

/** 'off-kept': turned off in Frugal, but the browser kept the access it granted at install. */
export type SiteState = 'on' | 'no-access' | 'off' | 'off-kept';

/** The watched sites, in the host table's order, each once. */
export function watchedSites(): SiteId[] {
  return [...new Set(SITE_HOSTS.map((entry) => entry.site))];
}

/** The match patterns of one site, as the manifest lists them. */
export function originsOf(site: SiteId): string[] {
  return hostPermissions().filter((pattern) => scriptSiteForUrl(pattern.replace(/\*$/, '')) === site);
}

export async function readSiteStates(disabled: readonly SiteId[], api: PermissionsApi): Promise<Map<SiteId, SiteState>> {
  const states = new Map<SiteId, SiteState>();
  for (const site of watchedSites()) {
    const granted = await api.contains({ origins: originsOf(site) });
    const off = disabled.includes(site);
    states.set(site, off ? (granted ? 'off-kept' : 'off') : granted ? 'on' : 'no-access');
  }
  return states;
}

/**
 * Call straight from a click handler: the browser shows its prompt only
 * during a user gesture, so the request comes before anything is awaited.
 * Resolves true when the site is on (access granted).
 */
export async function turnSiteOn(site: SiteId, api: PermissionsApi): Promise<boolean> {
  const granted = await api.request({ origins: originsOf(site) });
  if (!granted) return false;
  const { disabledSites } = await readSettings();
  await writeSettings({ disabledSites: disabledSites.filter((entry) => entry !== site) });
  return true;
}

/** Resolves with the site's new state: 'off', or 'off-kept' where the browser keeps its access. */
export async function turnSiteOff(site: SiteId, api: PermissionsApi): Promise<SiteState> {
  const { disabledSites } = await readSettings();
  await writeSettings({ disabledSites: [...disabledSites, site] });
  try {
    await api.remove({ origins: originsOf(site) });
  } catch {
    // Chrome: a required permission cannot be removed. The settings already drop the site.
  }
  return (await api.contains({ origins: originsOf(site) })) ? 'off-kept' : 'off';
}
