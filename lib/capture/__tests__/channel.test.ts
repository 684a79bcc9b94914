import { describe, expect, it } from 'vitest';
import { connectTap, listenToTap } from '../channel';

function fakeDocument(): Document {
  return new EventTarget() as unknown as Document;
}

const listen = (target: EventTarget, type: string, listener: (event: Event) => void) =>
  target.addEventListener(type, listener);

describe('tap ↔ relay channel', () => {
  it.each(['tap first', 'relay first'])('connects whichever script starts first (%s)', (order) => {
    const doc = fakeDocument();
    const received: string[] = [];
    let send!: (payload: string) => void;
    if (order === 'tap first') {
      send = connectTap(doc);
      send('early');
      listenToTap(doc, listen, (payload) => received.push(payload));
    } else {
      listenToTap(doc, listen, (payload) => received.push(payload));
      send = connectTap(doc);
    }
    send('{"a":1}');
    expect(received).toEqual(order === 'tap first' ? ['early', '{"a":1}'] : ['{"a":1}']);
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
    listenToTap(doc, listen, () => undefined);
    connectTap(doc);
    const leaked: string[] = [];
    doc.addEventListener('frugal:channel', (event) => leaked.push((event as CustomEvent<string>).detail));
    doc.dispatchEvent(new CustomEvent('frugal:tap-ready'));
    expect(leaked).toEqual([]);
  });

  it('ignores a forged channel announcement once connected', () => {
    const doc = fakeDocument();
    const received: string[] = [];
    listenToTap(doc, listen, (payload) => received.push(payload));
    const send = connectTap(doc);
    const forged: string[] = [];
    const fake = 'frugal-00000000-0000-4000-8000-000000000000';
    doc.addEventListener(fake, (event) => forged.push((event as CustomEvent<string>).detail));
    doc.dispatchEvent(new CustomEvent('frugal:channel', { detail: fake }));
    send('still private');
    expect(received).toEqual(['still private']);
    expect(forged).toEqual([]);
  });

  it('passes only string payloads on to the relay', () => {
    const doc = fakeDocument();
    const received: unknown[] = [];
    let channel = '';
    doc.addEventListener('frugal:channel', (event) => (channel = (event as CustomEvent<string>).detail));
    listenToTap(doc, listen, (payload) => received.push(payload));
    doc.dispatchEvent(new CustomEvent(channel, { detail: { not: 'a string' } }));
    doc.dispatchEvent(new CustomEvent(channel, { detail: 'text' }));
    expect(received).toEqual(['text']);
  });
});
