import type { WxtBrowser } from 'wxt/browser';

/**
 * The extension API for Frugal's pages, settings and the relay,
 * without webextension-polyfill. Every API they use returns promises natively
 * in MV3 (Chrome's `chrome.*`, Firefox's `browser.*`), so the polyfill's 9.8 kB
 * (minified) would only weigh on the popup (budget 80 kB) and on every page of
 * a supported site (content scripts' budget 30 kB). The background keeps the
 * polyfill for `runtime.onMessage` replies by promise. In unit tests both
 * globals are WXT's fake browser.
 */
export function extensionApi(): WxtBrowser {
  const scope = globalThis as { browser?: WxtBrowser; chrome?: WxtBrowser };
  // Chrome may define an empty `browser`; only a real one has a runtime id.
  return scope.browser?.runtime?.id ? scope.browser : (scope.chrome as WxtBrowser);
}
