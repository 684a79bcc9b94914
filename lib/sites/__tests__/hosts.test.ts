import { describe, expect, it } from 'vitest';
import { SITE_IDS } from '../../event';
import { hostPermissions, scriptSiteForUrl, SITE_HOSTS, siteForUrl, siteMatches } from '../hosts';
import { ADAPTERS } from '../index';
import { PAGES, pageFor } from '../pages';

describe('site hosts', () => {
  it.each([
    ['https://chatgpt.com/c/123', 'chatgpt'],
    ['https://chat.openai.com/', 'chatgpt'],
    ['https://claude.ai/new', 'claude'],
    ['https://gemini.google.com/u/1/app', 'gemini'],
    ['https://huggingface.co/chat/conversation/1', 'huggingchat'],
    ['https://huggingface.co/chat', 'huggingchat'],
    ['https://x.com/i/grok?conversation=1', 'grok'],
    ['https://grok.com/', 'grok'],
    ['https://www.midjourney.com/imagine', 'midjourney'],
    ['https://www.bing.com/images/create?q=a%20fox&rt=4&FORM=GENCRE&id=1-3f9d7e2a', 'bing-image-creator'],
    ['https://www.bing.com/images/create/ai-video-generator?q=waves&ctype=video', 'bing-image-creator'],
    ['https://www.bing.com/images/create/a-fox/1-3f9d7e2a?FORM=GUH2CR', 'bing-image-creator'],
    ['https://app.leonardo.ai/image-generation', 'leonardo'],
    ['https://ideogram.ai/t/explore', 'ideogram'],
    ['https://firefly.adobe.com/generate/image', 'firefly'],
  ])('attributes %s to %s', (url, site) => {
    expect(siteForUrl(url)).toBe(site);
  });

  it.each([
    'https://huggingface.co/models',
    'https://huggingface.co/chatty',
    'https://x.com/home',
    'https://x.com/i/grokking',
    'http://chatgpt.com/',
    'https://chatgpt.com.evil.example/',
    'https://evil.example/?u=https://chatgpt.com/',
    'https://www.bing.com/search?q=images%2Fcreate',
    'https://www.bing.com/images/search?q=fox',
    'https://www.bing.com/images/creative',
    'https://bing.com/images/create',
    'https://midjourney.com/imagine',
    'https://api.leonardo.ai/v1/graphql',
    'https://firefly-3p.ff.adobe.io/v2/3p-images/generate-async',
    'https://www.adobe.com/products/firefly.html',
    'not a url',
    undefined,
  ])('attributes nothing to %s', (url) => {
    expect(siteForUrl(url)).toBeNull();
  });

  it('loads Grok on X everywhere on x.com (in-app navigation) but attributes only /i/grok', () => {
    expect(scriptSiteForUrl('https://x.com/home')).toBe('grok');
    expect(siteForUrl('https://x.com/home')).toBeNull();
    expect(scriptSiteForUrl('https://huggingface.co/models')).toBeNull();
  });

  it('asks for exactly the supported hosts, never all sites', () => {
    const patterns = hostPermissions();
    expect(patterns).toContain('https://x.com/*');
    expect(patterns).toContain('https://huggingface.co/chat*');
    expect(patterns.every((pattern) => /^https:\/\/[a-z0-9.-]+\.[a-z]+\//.test(pattern))).toBe(true);
    expect(patterns.some((pattern) => pattern.includes('<all_urls>') || pattern.includes('*.'))).toBe(false);
  });

  it('asks for Bing Image Creator only, not the rest of Bing, and for no API host the image apps call', () => {
    const patterns = hostPermissions();
    expect(patterns).toContain('https://www.bing.com/images/create*');
    expect(patterns.filter((pattern) => pattern.includes('bing.com'))).toEqual(['https://www.bing.com/images/create*']);
    for (const page of ['https://www.midjourney.com/*', 'https://app.leonardo.ai/*', 'https://ideogram.ai/*', 'https://firefly.adobe.com/*']) {
      expect(patterns).toContain(page);
    }
    expect(patterns.some((pattern) => /api\.leonardo\.ai|adobe\.io/.test(pattern))).toBe(false);
  });

  it('hosts every site the stored event knows', () => {
    for (const site of SITE_IDS) expect(SITE_HOSTS.some((entry) => entry.site === site), site).toBe(true);
  });

  it('has an adapter and page facts for every site it hosts', () => {
    for (const { site } of SITE_HOSTS) {
      expect(ADAPTERS.some((adapter) => adapter.site === site), site).toBe(true);
      expect(PAGES.some((page) => page.site === site), site).toBe(true);
      expect(SITE_IDS).toContain(site);
    }
  });

  it('uses page facts only on the hosts they were seen on', () => {
    expect(pageFor(new URL('https://grok.com/'), 'grok')?.site).toBe('grok');
    expect(pageFor(new URL('https://x.com/i/grok'), 'grok')).toBeUndefined();
    expect(pageFor(new URL('https://claude.ai/new'), 'claude')?.site).toBe('claude');
  });
});

describe('page-world taps', () => {
  it('has one tap entrypoint per site, loading on exactly that site\'s patterns', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../../entrypoints/', import.meta.url);
    const taps = readdirSync(dir).filter((name) => name.startsWith('tap-') && name.endsWith('.content.ts'));
    const sites = [...new Set(SITE_HOSTS.map((entry) => entry.site))];
    expect(taps.map((name) => name.slice(4, -'.content.ts'.length)).sort()).toEqual([...sites].sort());
    for (const site of sites) {
      const source = readFileSync(new URL(`tap-${site}.content.ts`, dir), 'utf8');
      expect(source).toContain(`siteMatches('${site}')`);
      const adapters = ADAPTERS.filter((adapter) => adapter.site === site);
      expect(adapters.length, site).toBeGreaterThan(0);
    }
    expect(siteMatches('grok')).toEqual(['https://grok.com/*', 'https://x.com/*']);
  });
});
