import type { SiteId } from '../event';

/**
 * Where each supported site lives. This table is the only source of the
 * extension's host permissions and content-script matches, and the background
 * derives an event's site from the sender's URL with it, never from the payload.
 */
export interface SiteHost {
  site: SiteId;
  /** Display name (a proper noun, not translated). */
  name: string;
  /** Exact hostnames. */
  hosts: readonly string[];
  /** When the site is only part of a host (Grok on x.com), the path it lives under. */
  pathPrefix?: string;
}

export const SITE_HOSTS: readonly SiteHost[] = [
  { site: 'chatgpt', name: 'ChatGPT', hosts: ['chatgpt.com', 'chat.openai.com'] },
];

/** Match patterns for the manifest: host permissions and content scripts. */
export function hostPermissions(): string[] {
  return SITE_HOSTS.flatMap(({ hosts, pathPrefix }) =>
    hosts.map((host) => `https://${host}${pathPrefix ?? '/'}*`),
  );
}

/** The site a URL belongs to, or null. Only https pages count. */
export function siteForUrl(url: string | undefined): SiteId | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  for (const entry of SITE_HOSTS) {
    if (!entry.hosts.includes(parsed.hostname)) continue;
    if (entry.pathPrefix && !isUnder(parsed.pathname, entry.pathPrefix)) continue;
    return entry.site;
  }
  return null;
}

function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export function siteName(site: SiteId): string {
  return SITE_HOSTS.find((entry) => entry.site === site)?.name ?? site;
}
