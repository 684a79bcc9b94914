import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { hostPermissions } from './lib/sites/hosts';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: lib/ stays plain TypeScript that tests import directly.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // Content scripts load on every page of a supported site, within a 30 kB budget: they
    // use only runtime.sendMessage and WXT's ContentScriptContext, which return promises
    // natively in MV3, so they get WXT's own `browser` (the browser's global) instead of
    // the polyfill's 9.8 kB. The background keeps the polyfill.
    'vite:build:extendConfig'(entrypoints, config) {
      const aliases = config.resolve?.alias;
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      if (!aliases || Array.isArray(aliases) || !('wxt/browser' in aliases)) {
        throw new Error('wxt.config.ts: the polyfill module no longer aliases wxt/browser as expected; update this hook');
      }
      (aliases as Record<string, string>)['wxt/browser'] = '@wxt-dev/browser';
    },
  },
  manifest: ({ browser }) => ({
    name: 'Frugal',
    description: '__MSG_extensionDescription__',
    // Texts in locales/ (English, Spanish); @wxt-dev/i18n turns them into _locales/*/messages.json.
    default_locale: 'en',
    // None of these shows an install warning. scripting: put content scripts into tabs already
    // open at install or update (Chrome does not). storage: settings. alarms: the weekly summary
    // and retention pruning run when due, not only when a prompt wakes the worker. IndexedDB
    // needs no permission.
    permissions: ['scripting', 'storage', 'alarms'],
    // Asked for only when the user turns the weekly notification on.
    optional_permissions: ['notifications'],
    host_permissions: hostPermissions(),
    // Settings are a section of the dashboard, which opens in a tab of its own.
    options_ui: { page: 'dashboard.html#settings', open_in_tab: true },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'frugal@frugal-computing.org',
              // MAIN-world content scripts arrived in Firefox 128.
              strict_min_version: '128.0',
              // Everything stays on the device: AMO's data-collection declaration (Nov 2025).
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
