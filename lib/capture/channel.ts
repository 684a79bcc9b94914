/**
 * The private line from the page-world tap to the isolated-world relay.
 *
 * Both scripts run at document_start, before any page script, in either order.
 * The relay picks a random channel name per page load and tells the tap; the
 * tap confirms on that channel, after which the relay stops answering. All of
 * it happens synchronously before the page's own code runs, so the page never
 * learns the name and cannot forge measurements into the relay. (If it could,
 * the relay's validation and rate limit still bound what it can write.)
 *
 * Payloads are JSON strings: primitives cross between worlds in both browsers
 * without Firefox's cloneInto.
 */

const TAP_READY = 'frugal:tap-ready';
const CHANNEL_ANNOUNCE = 'frugal:channel';
const CHANNEL_PATTERN = /^frugal-[0-9a-f-]{36}$/;
const HELLO = 'hello';
/** Measurements held while no relay has answered yet (the relay may start second). */
const MAX_QUEUED = 100;

type Listen = (target: EventTarget, type: string, listener: (event: Event) => void) => void;

/** MAIN world: returns a function that sends one JSON payload to the relay. */
export function connectTap(doc: Document): (payload: string) => void {
  // Keep our own references: the page may replace these globals later.
  const dispatch = EventTarget.prototype.dispatchEvent;
  const removeListener = EventTarget.prototype.removeEventListener;
  const CustomEventClass = CustomEvent;
  let channel: string | null = null;
  const queue: string[] = [];

  const post = (payload: string): void => {
    dispatch.call(doc, new CustomEventClass(channel!, { detail: payload }));
  };
  const onAnnounce = (event: Event): void => {
    const detail = (event as CustomEvent).detail;
    if (channel !== null || typeof detail !== 'string' || !CHANNEL_PATTERN.test(detail)) return;
    channel = detail;
    removeListener.call(doc, CHANNEL_ANNOUNCE, onAnnounce);
    post(HELLO);
    for (const payload of queue.splice(0)) post(payload);
  };
  doc.addEventListener(CHANNEL_ANNOUNCE, onAnnounce);
  dispatch.call(doc, new CustomEventClass(TAP_READY));

  return (payload) => {
    if (channel !== null) post(payload);
    else if (queue.length < MAX_QUEUED) queue.push(payload);
  };
}

/** ISOLATED world: opens a fresh channel and hands each payload from the tap to `onPayload`. */
export function listenToTap(doc: Document, listen: Listen, onPayload: (payload: string) => void): void {
  const channel = `frugal-${crypto.randomUUID()}`;
  let tapConnected = false;
  const announce = (): void => {
    doc.dispatchEvent(new CustomEvent(CHANNEL_ANNOUNCE, { detail: channel }));
  };
  listen(doc, channel, (event) => {
    const detail = (event as CustomEvent).detail;
    if (typeof detail !== 'string') return;
    if (detail === HELLO) {
      tapConnected = true;
      return;
    }
    onPayload(detail);
  });
  listen(doc, TAP_READY, () => {
    if (!tapConnected) announce();
  });
  announce();
}
