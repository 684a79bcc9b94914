import { describe, expect, it } from 'vitest';
import { SITE_IDS } from '../../event';
import { hostPermissions, scriptSiteForUrl, SITE_HOSTS, siteForUrl } from '../hosts';
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

  it('has an adapter and page facts for every chat site it hosts', () => {
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
