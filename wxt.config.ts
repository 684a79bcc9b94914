import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { hostPermissions } from './lib/sites/hosts';

/**
 * A tap's `matches: siteMatches('<site>')` is read when the manifest is made;
 * the tap itself never uses it, yet it would carry the whole site table
 * (1.3 kB) into every tap. This removes the line, and the import, from the
 * taps' content-script builds only, and stops the build if the line changed.
 */
function tapMatchesOnlyInManifest(): Plugin {
  // The file itself, not WXT's virtual entry module that imports it ("virtual:…?<path>").
  const TAP = /^[^?]*[\\/]entrypoints[\\/]tap-[a-z-]+\.content\.ts$/;
  const MATCHES_LINE = /^ {2}matches: siteMatches\('[a-z-]+'\),\n/m;
  const IMPORT_LINE = /^import \{ siteMatches \} from '\.\.\/lib\/sites\/hosts';\n/m;
  return {
    name: 'frugal:tap-matches-only-in-manifest',
    enforce: 'pre',
    transform(code, id) {
      if (!TAP.test(id)) return null;
      if (!MATCHES_LINE.test(code) || !IMPORT_LINE.test(code)) {
        this.error(`${id}: expected a "matches: siteMatches('<site>')," line and its import`);
      }
      return { code: code.replace(MATCHES_LINE, '').replace(IMPORT_LINE, ''), map: null };
    },
  };
}

/** The isolated-world relay's entrypoint (entrypoints/relay.ts), built as `relay.js`. */
const RELAY = 'relay';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: lib/ stays plain TypeScript that tests import directly.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // The relay is built as an unlisted script (entrypoints/relay.ts, no WXT context class)
    // and declared here as the isolated-world content script of every supported host.
    'build:manifestGenerated'(_wxt, manifest) {
      manifest.content_scripts = [
        { matches: hostPermissions(), js: [`${RELAY}.js`], run_at: 'document_start' },
        ...(manifest.content_scripts ?? []),
      ];
    },
    // Content scripts load on every page of a supported site, within a 30 kB budget: they
    // use only runtime.sendMessage and runtime.id, which need no promise wrapper in MV3, so
    // they get WXT's own `browser` (the browser's global) instead of the polyfill's 9.8 kB.
    // The background keeps the polyfill.
    'vite:build:extendConfig'(entrypoints, config) {
      const aliases = config.resolve?.alias;
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script' || entrypoint.name === RELAY)) return;
      if (!aliases || Array.isArray(aliases) || !('wxt/browser' in aliases)) {
        throw new Error('wxt.config.ts: the polyfill module no longer aliases wxt/browser as expected; update this hook');
      }
      (aliases as Record<string, string>)['wxt/browser'] = '@wxt-dev/browser';
      config.plugins = [...(config.plugins ?? []), tapMatchesOnlyInManifest()];
      // Terser with a second compress pass: about 6% smaller than the default minifier on these
      // scripts (relay 13.1 -> 12.4 kB before it left WXT's context, measured 2026-12-07). Top-level
      // names stay and IIFEs keep their parentheses: WXT drops a MAIN-world script's global only
      // when the code reads `var <name>=(function`, and the relay's last statement is its name.
      config.build = {
        ...config.build,
        minify: 'terser',
        terserOptions: { ecma: 2020, compress: { passes: 2 }, format: { comments: false, wrap_iife: true } },
      };
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
