import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { hostPermissions } from './lib/sites/hosts';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: lib/ stays plain TypeScript that tests import directly.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Frugal',
    description:
      'See what your AI prompts cost in energy, CO2e and water, with honest ranges, next to what a simpler tool would have cost.',
    // scripting: put content scripts into tabs already open at install or update
    // (Chrome does not). IndexedDB needs no permission.
    permissions: ['scripting'],
    host_permissions: hostPermissions(),
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
