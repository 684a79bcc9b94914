import { describe, expect, it } from 'vitest';
import type { CaptureMessage, CaptureReply } from '../../messages';
import type { Ack } from '../channel';
import { Relay, RELAY_LIMITS } from '../relay';
import { validMeasurement } from './fakes';

/** A relay with a hand-driven clock, timers and background. */
function harness(answer: (message: CaptureMessage) => CaptureReply | Promise<CaptureReply> | undefined) {
  let now = 1_000_000;
  let invalid = false;
  const timers: { at: number; run: () => void }[] = [];
  const sent: CaptureMessage[] = [];
  const acks: Ack[] = [];
  const relay = new Relay({
    send: async (message) => {
      sent.push(structuredClone(message));
      return answer(message);
    },
    acknowledge: (handled) => acks.push(...handled),
    setTimeout: (run, ms) => timers.push({ at: now + ms, run }),
    now: () => now,
    isInvalid: () => invalid,
  });
  return {
    relay,
    sent,
    acks,
    invalidate: () => (invalid = true),
    /** Advance the clock, running due timers and letting promises settle. */
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > until) break;
        timers.shift();
        now = Math.max(now, next.at);
        next.run();
      }
      now = until;
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

const storeAll = (message: CaptureMessage): CaptureReply => ({
  ok: true,
  stored: message.measurements.map((m) => m.id),
  rejected: [],
});

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('Relay', () => {
  it('delivers a valid measurement and forgets it once stored', async () => {
    const h = harness(storeAll);
    h.relay.receive(JSON.stringify(validMeasurement()));
    await h.advance(0);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]!.measurements[0]).toEqual(validMeasurement());
    expect(h.relay.pending).toBe(0);
    expect(h.relay.stats).toMatchObject({ accepted: 1, delivered: 1 });
    expect(h.acks).toEqual([[validMeasurement().id, validMeasurement().durationMs]]);
  });

  it('acknowledges only after the background answered', async () => {
    const h = harness(() => undefined);
    h.relay.receive(JSON.stringify(validMeasurement()));
    await h.advance(5_000);
    expect(h.acks).toEqual([]);
  });

  it('acknowledges what it refuses for good, so the tap does not resend it forever', () => {
    const h = harness(storeAll);
    h.relay.receive(JSON.stringify({ ...validMeasurement({ id: id(1) }), outputChars: -5 }));
    expect(h.acks).toEqual([[id(1), validMeasurement().durationMs]]);
    for (let n = 0; n < RELAY_LIMITS.updatesPerId + 1; n++) h.relay.receive(JSON.stringify(validMeasurement({ id: id(2), durationMs: n + 1 })));
    expect(h.acks.at(-1)).toEqual([id(2), RELAY_LIMITS.updatesPerId + 1]);
  });

  it('drops payloads that are not valid measurements, and never sends them', async () => {
    const h = harness(storeAll);
    for (const payload of ['not json', '{}', JSON.stringify({ ...validMeasurement(), outputChars: -5 }), 'null']) {
      h.relay.receive(payload);
    }
    h.relay.receive(JSON.stringify({ ...validMeasurement(), prompt: 'secret text' }));
    await h.advance(1000);
    expect(h.sent).toEqual([]);
    expect(h.relay.stats.invalid).toBe(5);
  });

  it('retries with growing delays while the background cannot answer, then delivers once', async () => {
    let failures = 3;
    const h = harness((message) => (failures-- > 0 ? undefined : storeAll(message)));
    h.relay.receive(JSON.stringify(validMeasurement()));
    await h.advance(0);
    expect(h.sent).toHaveLength(1);
    await h.advance(300);
    expect(h.sent).toHaveLength(1); // first retry after ~500 ms, not before
    await h.advance(10_000);
    expect(h.sent).toHaveLength(4);
    expect(h.relay.pending).toBe(0);
    await h.advance(60_000);
    expect(h.sent).toHaveLength(4);
  });

  it('keeps retrying while storage is unavailable', async () => {
    let unavailable = true;
    const h = harness((message) =>
      unavailable ? { ok: false, retry: true, reason: 'storage-unavailable' } : storeAll(message),
    );
    h.relay.receive(JSON.stringify(validMeasurement()));
    await h.advance(20_000);
    expect(h.relay.pending).toBe(1);
    unavailable = false;
    await h.advance(40_000);
    expect(h.relay.pending).toBe(0);
    expect(h.relay.stats.delivered).toBe(1);
  });

  it('does not resend what the background rejected', async () => {
    const h = harness((message) => ({ ok: true, stored: [], rejected: message.measurements.map((m) => m.id) }));
    h.relay.receive(JSON.stringify(validMeasurement()));
    await h.advance(60_000);
    expect(h.sent).toHaveLength(1);
    expect(h.relay.pending).toBe(0);
  });

  it('sends only the newest version of a measurement that was updated while waiting', async () => {
    let answering = false;
    const h = harness((message) => (answering ? storeAll(message) : undefined));
    h.relay.receive(JSON.stringify(validMeasurement({ durationMs: 100, status: 'interrupted' })));
    await h.advance(0);
    h.relay.receive(JSON.stringify(validMeasurement({ durationMs: 9000 })));
    answering = true;
    await h.advance(5_000);
    const last = h.sent.at(-1)!.measurements;
    expect(last).toEqual([validMeasurement({ durationMs: 9000 })]);
    expect(h.relay.pending).toBe(0);
  });

  it('keeps an update that arrived while the older version was in flight', async () => {
    let release!: (reply: CaptureReply) => void;
    const h = harness(() => new Promise<CaptureReply>((resolve) => (release = resolve)));
    h.relay.receive(JSON.stringify(validMeasurement({ durationMs: 100 })));
    await h.advance(0);
    h.relay.receive(JSON.stringify(validMeasurement({ durationMs: 9000 })));
    release({ ok: true, stored: [validMeasurement().id], rejected: [] });
    await h.advance(0);
    expect(h.relay.pending).toBe(1);
    await h.advance(100);
    release({ ok: true, stored: [validMeasurement().id], rejected: [] });
    await h.advance(0);
    expect(h.sent.at(-1)!.measurements[0]!.durationMs).toBe(9000);
    expect(h.relay.pending).toBe(0);
  });

  it('rate-limits new prompts to a burst, then one per refill interval', async () => {
    const h = harness(storeAll);
    for (let n = 1; n <= RELAY_LIMITS.burst + 10; n++) h.relay.receive(JSON.stringify(validMeasurement({ id: id(n) })));
    expect(h.relay.stats).toMatchObject({ accepted: RELAY_LIMITS.burst, rateLimited: 10 });
    await h.advance(RELAY_LIMITS.refillMs * 2);
    h.relay.receive(JSON.stringify(validMeasurement({ id: id(1000) })));
    h.relay.receive(JSON.stringify(validMeasurement({ id: id(1001) })));
    h.relay.receive(JSON.stringify(validMeasurement({ id: id(1002) })));
    expect(h.relay.stats).toMatchObject({ accepted: RELAY_LIMITS.burst + 2, rateLimited: 11 });
  });

  it('caps updates per prompt', () => {
    const h = harness(storeAll);
    for (let n = 0; n < RELAY_LIMITS.updatesPerId + 5; n++) {
      h.relay.receive(JSON.stringify(validMeasurement({ durationMs: 1000 + n })));
    }
    expect(h.relay.stats).toMatchObject({ accepted: RELAY_LIMITS.updatesPerId, rateLimited: 5 });
  });

  it('goes quiet once the extension context is invalidated', async () => {
    const h = harness(() => undefined);
    h.relay.receive(JSON.stringify(validMeasurement()));
    await h.advance(0);
    h.invalidate();
    await h.advance(120_000);
    expect(h.sent).toHaveLength(1);
  });

  it('batches a burst into messages of at most the batch size', async () => {
    const h = harness(storeAll);
    for (let n = 1; n <= RELAY_LIMITS.batch + 5; n++) h.relay.receive(JSON.stringify(validMeasurement({ id: id(n) })));
    await h.advance(100);
    expect(h.sent.every((message) => message.measurements.length <= RELAY_LIMITS.batch)).toBe(true);
    expect(h.sent.reduce((sum, message) => sum + message.measurements.length, 0)).toBe(RELAY_LIMITS.batch + 5);
    expect(h.relay.pending).toBe(0);
  });
});
