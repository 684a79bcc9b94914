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
  /**
   * Inject the content scripts on the whole host, not only under `pathPrefix`:
   * a single-page app (X) reaches the site's path without a page load. Events
   * are still attributed only when the page is under `pathPrefix`.
   */
  wholeHostScripts?: boolean;
}

export const SITE_HOSTS: readonly SiteHost[] = [
  { site: 'chatgpt', name: 'ChatGPT', hosts: ['chatgpt.com', 'chat.openai.com'] },
  { site: 'claude', name: 'Claude', hosts: ['claude.ai'] },
  { site: 'gemini', name: 'Gemini', hosts: ['gemini.google.com'] },
  { site: 'copilot', name: 'Microsoft Copilot', hosts: ['copilot.microsoft.com'] },
  { site: 'perplexity', name: 'Perplexity', hosts: ['www.perplexity.ai'] },
  { site: 'deepseek', name: 'DeepSeek', hosts: ['chat.deepseek.com'] },
  { site: 'mistral', name: 'Le Chat', hosts: ['chat.mistral.ai'] },
  { site: 'grok', name: 'Grok', hosts: ['grok.com'] },
  { site: 'grok', name: 'Grok', hosts: ['x.com'], pathPrefix: '/i/grok', wholeHostScripts: true },
  { site: 'meta', name: 'Meta AI', hosts: ['www.meta.ai', 'meta.ai'] },
  { site: 'poe', name: 'Poe', hosts: ['poe.com'] },
  { site: 'huggingchat', name: 'HuggingChat', hosts: ['huggingface.co'], pathPrefix: '/chat' },
  { site: 'midjourney', name: 'Midjourney', hosts: ['www.midjourney.com'] },
  // Only the creator: the rest of Bing (search, chat) is none of Frugal's business.
  { site: 'bing-image-creator', name: 'Bing Image Creator', hosts: ['www.bing.com'], pathPrefix: '/images/create' },
  // The app's work goes to api.leonardo.ai, read from the app's page: no permission needed there.
  { site: 'leonardo', name: 'Leonardo.Ai', hosts: ['app.leonardo.ai'] },
  { site: 'ideogram', name: 'Ideogram', hosts: ['ideogram.ai'] },
  // Likewise Firefly's work goes to *.adobe.io hosts, read from this page.
  { site: 'firefly', name: 'Adobe Firefly', hosts: ['firefly.adobe.com'] },
];

/** Match patterns for the manifest: host permissions and the relay's content script. */
export function hostPermissions(): string[] {
  return SITE_HOSTS.flatMap(matchPatterns);
}

/** Match patterns of one site: its page-world tap loads there (entrypoints/tap-<site>.content.ts). */
export function siteMatches(site: SiteId): string[] {
  return SITE_HOSTS.filter((entry) => entry.site === site).flatMap(matchPatterns);
}

function matchPatterns({ hosts, pathPrefix, wholeHostScripts }: SiteHost): string[] {
  return hosts.map((host) => `https://${host}${wholeHostScripts ? '/' : (pathPrefix ?? '/')}*`);
}

/**
 * The site whose adapters a content script should load on this page: the site
 * of the URL, or, on a whole-host entry (x.com), that entry's site wherever the
 * page is, since the app may navigate to it without reloading.
 */
export function scriptSiteForUrl(url: string): SiteId | null {
  const site = siteForUrl(url);
  if (site) return site;
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'https:') return null;
    return SITE_HOSTS.find((entry) => entry.wholeHostScripts && entry.hosts.includes(hostname))?.site ?? null;
  } catch {
    return null;
  }
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
