/**
 * The private line between the page-world tap and the isolated-world relay.
 *
 * Handshake. Both scripts run at document_start, before any page script, in
 * either order. The relay picks a random channel name per page load and
 * announces it; the tap answers "hello" on it, after which the relay no longer
 * answers a tap's call. All of it happens before the page's own code runs, so
 * the page never learns the name and cannot forge measurements into the relay.
 *
 * Nothing lost across an extension update. The tap keeps every measurement
 * until the relay acknowledges it (after the background committed it) and
 * resends what is unacknowledged to the next relay that announces itself: an
 * update orphans the old relay, and a fresh one is injected into open tabs.
 * When a newer tap is injected too (Firefox re-injects all content scripts),
 * the older tap retires: it starts no new turns and finishes the ones under way.
 *
 * What a page can do with this protocol, since it sees everything said after
 * its own scripts started: announce a channel of its own (the tap then sends
 * it the numbers measured about this very page), call a tap's retirement (this
 * page stops being measured), or, after an update re-injected the relay, learn
 * that relay's channel and send it measurements, which are validated and
 * rate-limited and can only add to this site's counts. A page can always
 * avoid being measured; it cannot reach another site or the extension.
 *
 * Payloads are JSON strings: primitives cross between worlds in both browsers
 * without Firefox's cloneInto.
 */

const TAP_READY = 'frugal:tap-ready';
const CHANNEL_ANNOUNCE = 'frugal:channel';
const CHANNEL_PATTERN = /^frugal-[0-9a-f-]{36}$/;
const HELLO = 'hello';
/** Unacknowledged measurements a tap keeps for resending; the oldest go first. */
export const MAX_UNACKNOWLEDGED = 200;

const ackEvent = (channel: string): string => `${channel}:ack`;

type Listen = (target: EventTarget, type: string, listener: (event: Event) => void) => void;

/** One measurement the relay has handled: its id and the duration it had (newer ones run longer). */
export type Ack = readonly [id: string, durationMs: number];

export interface TapLine {
  /** Send one measurement (JSON) for turn `id`; kept until acknowledged. */
  send(id: string, durationMs: number, payload: string): void;
  /** Measurements not acknowledged yet. */
  readonly unacknowledged: number;
}

/**
 * MAIN world. `onRetire` is called once if a newer tap is injected into the page.
 */
export function connectTap(doc: Document, onRetire: () => void): TapLine {
  // Our own references: the page may replace these globals later.
  const dispatch = EventTarget.prototype.dispatchEvent;
  const listen = EventTarget.prototype.addEventListener;
  const CustomEventClass = CustomEvent;
  const parse = JSON.parse;
  let channel: string | null = null;
  let announcingMyself = false;
  let retired = false;
  const pending = new Map<string, { durationMs: number; payload: string }>();

  const post = (payload: string): void => {
    if (channel !== null) dispatch.call(doc, new CustomEventClass(channel, { detail: payload }));
  };
  const onAck = (event: Event): void => {
    const detail = (event as CustomEvent).detail;
    if (typeof detail !== 'string') return;
    let acks: unknown;
    try {
      acks = parse(detail);
    } catch {
      return;
    }
    if (!Array.isArray(acks)) return;
    for (const ack of acks) {
      if (!Array.isArray(ack) || typeof ack[0] !== 'string' || typeof ack[1] !== 'number') continue;
      const entry = pending.get(ack[0]);
      // Keep a newer measurement of the same turn that the relay has not handled yet.
      if (entry && entry.durationMs <= ack[1]) pending.delete(ack[0]);
    }
  };

  listen.call(doc, CHANNEL_ANNOUNCE, (event: Event) => {
    const detail = (event as CustomEvent).detail;
    if (typeof detail !== 'string' || !CHANNEL_PATTERN.test(detail) || detail === channel) return;
    channel = detail;
    listen.call(doc, ackEvent(detail), onAck);
    post(HELLO);
    for (const entry of pending.values()) post(entry.payload);
  });
  listen.call(doc, TAP_READY, () => {
    if (announcingMyself || retired) return;
    retired = true;
    onRetire();
  });

  announcingMyself = true;
  dispatch.call(doc, new CustomEventClass(TAP_READY));
  announcingMyself = false;

  return {
    send(id, durationMs, payload) {
      pending.delete(id);
      pending.set(id, { durationMs, payload });
      if (pending.size > MAX_UNACKNOWLEDGED) {
        const oldest = pending.keys().next().value;
        if (oldest !== undefined) pending.delete(oldest);
      }
      post(payload);
    },
    get unacknowledged() {
      return pending.size;
    },
  };
}

/**
 * ISOLATED world: opens a fresh channel, hands each payload from the tap to
 * `onPayload`, and returns the function that acknowledges handled measurements.
 */
export function listenToTap(doc: Document, listen: Listen, onPayload: (payload: string) => void): (acks: readonly Ack[]) => void {
  const channel = `frugal-${crypto.randomUUID()}`;
  let tapConnected = false;
  // A relay put into a page that had already loaded came with an update, and a
  // newer tap may follow it: Firefox injects the relay first, the old tap then
  // connects, and the newer tap's call must still be answered or it would
  // measure nothing while the old one retires (seen in Firefox ESR 153,
  // 2026-12). The page heard this relay's announcement anyway, so answering
  // again tells it nothing new. A relay that started with the page answers only
  // until its tap has connected, before any page script runs.
  const startedLate = (doc.readyState ?? 'loading') !== 'loading';
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
    if (!tapConnected || startedLate) announce();
  });
  announce();
  return (acks) => {
    if (acks.length > 0) doc.dispatchEvent(new CustomEvent(ackEvent(channel), { detail: JSON.stringify(acks) }));
  };
}
