import { describe, expect, it, vi } from 'vitest';
import { connectTap, listenToTap, MAX_UNACKNOWLEDGED, type Ack } from '../channel';

function fakeDocument(readyState?: DocumentReadyState): Document {
  return Object.assign(new EventTarget(), { readyState }) as unknown as Document;
}

const listen = (target: EventTarget, type: string, listener: (event: Event) => void) =>
  target.addEventListener(type, listener);

/** A relay end that records payloads and can acknowledge them. */
function relayEnd(doc: Document) {
  const received: string[] = [];
  const ack = listenToTap(doc, listen, (payload) => received.push(payload));
  return { received, ack: (...acks: Ack[]) => ack(acks) };
}

describe('tap ↔ relay channel', () => {
  it.each(['tap first', 'relay first'])('connects whichever script starts first (%s)', (order) => {
    const doc = fakeDocument();
    let relay!: ReturnType<typeof relayEnd>;
    let tap!: ReturnType<typeof connectTap>;
    if (order === 'tap first') {
      tap = connectTap(doc, () => undefined);
      tap.send('a', 1, 'early');
      relay = relayEnd(doc);
    } else {
      relay = relayEnd(doc);
      tap = connectTap(doc, () => undefined);
    }
    tap.send('b', 1, '{"b":1}');
    expect(relay.received).toEqual(order === 'tap first' ? ['early', '{"b":1}'] : ['{"b":1}']);
  });

  it('uses a fresh random channel each page load', () => {
    const names: string[] = [];
    for (let i = 0; i < 2; i++) {
      const doc = fakeDocument();
      doc.addEventListener('frugal:channel', (event) => names.push((event as CustomEvent<string>).detail));
      listenToTap(doc, listen, () => undefined);
    }
    expect(names[0]).toMatch(/^frugal-[0-9a-f-]{36}$/);
    expect(names[0]).not.toBe(names[1]);
  });

  it('does not tell the channel to a page that asks after the tap connected', () => {
    const doc = fakeDocument();
    relayEnd(doc);
    connectTap(doc, () => undefined);
    const leaked: string[] = [];
    doc.addEventListener('frugal:channel', (event) => leaked.push((event as CustomEvent<string>).detail));
    const retire = vi.fn();
    // The page's own call looks like a newer tap: the old tap retires (documented), nothing leaks.
    connectTap(fakeDocument(), retire);
    doc.dispatchEvent(new CustomEvent('frugal:tap-ready'));
    expect(leaked).toEqual([]);
  });

  it('keeps measurements until acknowledged and resends them to the next relay (after an update)', () => {
    const doc = fakeDocument();
    const first = relayEnd(doc);
    const tap = connectTap(doc, () => undefined);
    tap.send('turn-1', 100, 'provisional-1');
    tap.send('turn-2', 300, 'final-2');
    first.ack(['turn-2', 300]);
    expect(tap.unacknowledged).toBe(1);
    // The old relay is orphaned without acknowledging turn-1; a new one is injected.
    const second = relayEnd(doc);
    expect(second.received).toEqual(['provisional-1']);
  });

  it('connects the newer tap of an update whose relay came first (Firefox), while the old tap hands over', () => {
    const doc = fakeDocument('loading');
    const first = relayEnd(doc);
    const retireOld = vi.fn();
    const oldTap = connectTap(doc, retireOld);
    oldTap.send('turn-1', 100, 'provisional-1');
    // The update: the page has loaded; Firefox injects the relay, then the tap.
    Object.assign(doc, { readyState: 'complete' });
    const second = relayEnd(doc);
    const newTap = connectTap(doc, () => undefined);
    expect(retireOld).toHaveBeenCalledOnce();
    newTap.send('turn-2', 50, 'new-2');
    oldTap.send('turn-1', 400, 'final-1');
    expect(first.received).toEqual(['provisional-1']);
    expect(second.received).toEqual(['provisional-1', 'new-2', 'final-1']);
  });

  it('keeps a newer measurement of a turn when an older one is acknowledged', () => {
    const doc = fakeDocument();
    const relay = relayEnd(doc);
    const tap = connectTap(doc, () => undefined);
    tap.send('turn-1', 100, 'provisional');
    tap.send('turn-1', 900, 'final');
    relay.ack(['turn-1', 100]);
    expect(tap.unacknowledged).toBe(1);
    relay.ack(['turn-1', 900]);
    expect(tap.unacknowledged).toBe(0);
  });

  it('bounds what it keeps unacknowledged', () => {
    const doc = fakeDocument();
    const tap = connectTap(doc, () => undefined);
    for (let n = 0; n < MAX_UNACKNOWLEDGED + 50; n++) tap.send(`turn-${n}`, 1, 'x');
    expect(tap.unacknowledged).toBe(MAX_UNACKNOWLEDGED);
  });

  it('retires when a newer tap starts on the page, not on its own start', () => {
    const doc = fakeDocument();
    const retireOld = vi.fn();
    const retireNew = vi.fn();
    connectTap(doc, retireOld);
    expect(retireOld).not.toHaveBeenCalled();
    connectTap(doc, retireNew);
    expect(retireOld).toHaveBeenCalledOnce();
    expect(retireNew).not.toHaveBeenCalled();
  });

  it('ignores malformed acknowledgements and non-string payloads', () => {
    const doc = fakeDocument();
    let channel = '';
    doc.addEventListener('frugal:channel', (event) => (channel = (event as CustomEvent<string>).detail));
    const relay = relayEnd(doc);
    const tap = connectTap(doc, () => undefined);
    tap.send('turn-1', 5, 'payload');
    for (const detail of ['not json', '{}', '[["turn-1"]]', '[[1, 5]]', JSON.stringify([['turn-1', 'x']])]) {
      doc.dispatchEvent(new CustomEvent(`${channel}:ack`, { detail }));
    }
    expect(tap.unacknowledged).toBe(1);
    doc.dispatchEvent(new CustomEvent(channel, { detail: { not: 'a string' } }));
    expect(relay.received).toEqual(['payload']);
  });
});
