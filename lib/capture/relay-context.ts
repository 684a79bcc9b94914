/**
 * The relay's life in a page: it ends when the extension is updated, reloaded
 * or removed (Chrome leaves the old content script running with no extension
 * behind it: `runtime.id` reads undefined) or when a newer relay starts in the
 * same page (the background injects one into open tabs after an update).
 * Once ended, its timers do not fire and its listeners are gone, quietly: an
 * orphaned relay must never throw or reload the page.
 *
 * Written for Frugal instead of WXT's ContentScriptContext, which does the
 * same and more (location watching, a logger) in 2.7 kB that every supported
 * page would load (measured 2026-12-07).
 */

export interface RelayContext {
  /** Aborted when the relay ended. */
  readonly signal: AbortSignal;
  /** Whether the relay has ended; asking also notices an extension that is gone. */
  readonly isInvalid: boolean;
  /** A timer that does not fire once the relay has ended. */
  setTimeout(callback: () => void, ms: number): void;
  /** A listener removed when the relay ends. */
  addEventListener(target: EventTarget, type: string, listener: (event: Event) => void): void;
}

/** The one thing of the extension API this reads. */
export interface RuntimeIdentity {
  runtime?: { id?: string };
}

export function startRelayContext(api: RuntimeIdentity, doc: Document, newId: () => string = () => crypto.randomUUID()): RelayContext {
  const controller = new AbortController();
  const { signal } = controller;
  const end = (): void => controller.abort();
  const runtimeId = (): string | undefined => {
    try {
      return api.runtime?.id;
    } catch {
      // Firefox: a dead content-script sandbox throws on any access.
      return undefined;
    }
  };
  const valid = (): boolean => {
    if (!signal.aborted && runtimeId() == null) end();
    return !signal.aborted;
  };

  // Tell older relays in this page to stop, and stop when a newer one says so.
  // The event name carries the extension's id, so another extension's relay is not one of ours.
  const started = `frugal:relay-started:${runtimeId() ?? ''}`;
  const id = newId();
  doc.addEventListener(
    started,
    (event) => {
      if (event instanceof CustomEvent && event.detail !== id) end();
    },
    { signal },
  );
  doc.dispatchEvent(new CustomEvent(started, { detail: id }));

  return {
    signal,
    get isInvalid() {
      return !valid();
    },
    setTimeout(callback, ms) {
      // The relay sets a timer per retry and per witness check for the page's whole life:
      // each fired timer takes its abort listener with it.
      const cancel = (): void => clearTimeout(timer);
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', cancel);
        if (valid()) callback();
      }, ms);
      signal.addEventListener('abort', cancel, { once: true });
    },
    addEventListener(target, type, listener) {
      target.addEventListener(type, listener, { signal });
    },
  };
}
