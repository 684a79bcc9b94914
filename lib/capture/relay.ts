import type { Measurement } from '../event';
import type { CaptureMessage, CaptureReply } from '../messages';
import type { Ack } from './channel';
import { asRecord } from './sse';
import { parseJson } from './sse';
import { parseMeasurement } from './schema';

/**
 * The isolated-world relay: the page's measurements come in untrusted, leave
 * validated, rate-limited and delivered at least once.
 *
 * Delivery: every measurement sits in a bounded outbox until the background
 * answers that it is stored (after its IndexedDB transaction committed). Sends
 * fail routinely (worker starting, extension updating); they are retried with
 * exponential backoff. A newer measurement for the same id (the final one after
 * the provisional one) replaces the older one in the outbox.
 */

export interface RelayDeps {
  send(message: CaptureMessage): Promise<unknown>;
  /** Tell the tap these measurements are handled (stored, or refused for good), so it can forget them. */
  acknowledge(acks: readonly Ack[]): void;
  setTimeout(callback: () => void, ms: number): unknown;
  now(): number;
  /** True once the extension was reloaded or updated under this page. */
  isInvalid(): boolean;
}

export const RELAY_LIMITS = {
  outbox: 500,
  batch: 50,
  /** New prompts: a burst of 120, then one every 3 s (a person types slower). */
  burst: 120,
  refillMs: 3_000,
  /** A turn is sent when it opens, when it ends, and again if it is resumed. */
  updatesPerId: 8,
  /** Ids remembered for the per-id limit. */
  rememberedIds: 2_000,
  firstRetryMs: 500,
  maxRetryMs: 30_000,
  maxAttempts: 40,
} as const;

interface OutboxEntry {
  measurement: Measurement;
  version: number;
  attempts: number;
  dueAt: number;
  inFlight: boolean;
}

export interface RelayStats {
  /** Distinct prompts (turn ids) accepted: what the page witness compares with. */
  turns: number;
  accepted: number;
  invalid: number;
  rateLimited: number;
  dropped: number;
  delivered: number;
}

export class Relay {
  readonly stats: RelayStats = { turns: 0, accepted: 0, invalid: 0, rateLimited: 0, dropped: 0, delivered: 0 };
  private readonly outbox = new Map<string, OutboxEntry>();
  private readonly updates = new Map<string, number>();
  private tokens: number = RELAY_LIMITS.burst;
  private refilledAt: number;
  private version = 0;
  private timerDueAt: number | null = null;
  private sending = false;

  constructor(private readonly deps: RelayDeps) {
    this.refilledAt = deps.now();
  }

  get pending(): number {
    return this.outbox.size;
  }

  /** A JSON payload from the tap. */
  receive(payload: string): void {
    const parsed = parseJson(payload);
    const measurement = parseMeasurement(parsed);
    if (!measurement) {
      this.stats.invalid++;
      // Refused for good: let the tap forget it rather than resend it forever.
      const record = asRecord(parsed);
      if (typeof record?.id === 'string' && typeof record.durationMs === 'number') {
        this.deps.acknowledge([[record.id, record.durationMs]]);
      }
      return;
    }
    if (!this.admit(measurement.id)) {
      this.stats.rateLimited++;
      this.deps.acknowledge([[measurement.id, measurement.durationMs]]);
      return;
    }
    this.stats.accepted++;
    this.enqueue(measurement);
  }

  private admit(id: string): boolean {
    const seen = this.updates.get(id);
    if (seen !== undefined) {
      if (seen >= RELAY_LIMITS.updatesPerId) return false;
      this.updates.set(id, seen + 1);
      return true;
    }
    const now = this.deps.now();
    const refill = Math.floor((now - this.refilledAt) / RELAY_LIMITS.refillMs);
    if (refill > 0) {
      this.tokens = Math.min(RELAY_LIMITS.burst, this.tokens + refill);
      this.refilledAt += refill * RELAY_LIMITS.refillMs;
    }
    if (this.tokens < 1) return false;
    this.tokens--;
    this.stats.turns++;
    this.updates.set(id, 1);
    if (this.updates.size > RELAY_LIMITS.rememberedIds) {
      const oldest = this.updates.keys().next().value;
      if (oldest !== undefined) this.updates.delete(oldest);
    }
    return true;
  }

  private enqueue(measurement: Measurement): void {
    const existing = this.outbox.get(measurement.id);
    if (!existing && this.outbox.size >= RELAY_LIMITS.outbox) {
      // The background has been unreachable for a long time; keep the newest.
      const oldest = this.outbox.keys().next().value;
      if (oldest !== undefined) this.outbox.delete(oldest);
      this.stats.dropped++;
    }
    this.outbox.set(measurement.id, {
      measurement,
      version: ++this.version,
      attempts: 0,
      dueAt: this.deps.now(),
      inFlight: false,
    });
    // Send now, in this task: a page being closed may not get another one.
    void this.flush();
  }

  private schedule(delayMs: number): void {
    if (this.deps.isInvalid()) return;
    const dueAt = this.deps.now() + delayMs;
    if (this.timerDueAt !== null && this.timerDueAt <= dueAt) return;
    this.timerDueAt = dueAt;
    this.deps.setTimeout(() => {
      this.timerDueAt = null;
      void this.flush();
    }, delayMs);
  }

  /** Send every due measurement, in batches; reschedule for the rest. */
  async flush(): Promise<void> {
    if (this.sending || this.deps.isInvalid()) return;
    this.sending = true;
    try {
      for (;;) {
        const now = this.deps.now();
        const batch = [...this.outbox.values()]
          .filter((entry) => !entry.inFlight && entry.dueAt <= now)
          .slice(0, RELAY_LIMITS.batch);
        if (batch.length === 0) break;
        const delivered = await this.deliver(batch);
        if (!delivered) break;
      }
    } finally {
      this.sending = false;
    }
    this.scheduleNext();
  }

  private scheduleNext(): void {
    let next = Infinity;
    for (const entry of this.outbox.values()) if (!entry.inFlight) next = Math.min(next, entry.dueAt);
    if (next !== Infinity) this.schedule(Math.max(0, next - this.deps.now()));
  }

  /** Returns false when the background could not take the batch (retry later). */
  private async deliver(batch: OutboxEntry[]): Promise<boolean> {
    const versions = new Map(batch.map((entry) => [entry.measurement.id, entry.version]));
    for (const entry of batch) entry.inFlight = true;
    let reply: CaptureReply | undefined;
    try {
      reply = (await this.deps.send({
        type: 'frugal/capture',
        measurements: batch.map((entry) => entry.measurement),
      })) as CaptureReply | undefined;
    } catch {
      reply = undefined;
    }
    for (const entry of batch) entry.inFlight = false;
    if (reply?.ok !== true) {
      this.backOff(batch);
      return false;
    }
    const answered = new Set([...reply.stored, ...reply.rejected]);
    const acks: Ack[] = [];
    for (const sent of batch) {
      const id = sent.measurement.id;
      if (!answered.has(id)) continue;
      acks.push([id, sent.measurement.durationMs]);
      const entry = this.outbox.get(id);
      // A newer version that arrived while this one was in flight stays queued.
      if (entry && entry.version === versions.get(id)) {
        this.outbox.delete(id);
        if (reply.stored.includes(id)) this.stats.delivered++;
      }
    }
    this.deps.acknowledge(acks);
    this.backOff(batch.filter((entry) => !answered.has(entry.measurement.id)));
    return true;
  }

  private backOff(entries: OutboxEntry[]): void {
    const now = this.deps.now();
    for (const entry of entries) {
      if (this.outbox.get(entry.measurement.id) !== entry) continue;
      entry.attempts++;
      if (entry.attempts >= RELAY_LIMITS.maxAttempts) {
        this.outbox.delete(entry.measurement.id);
        this.stats.dropped++;
        continue;
      }
      const delay = Math.min(RELAY_LIMITS.maxRetryMs, RELAY_LIMITS.firstRetryMs * 2 ** (entry.attempts - 1));
      // Jitter keeps many tabs from retrying in lockstep after a worker restart.
      entry.dueAt = now + delay * (0.75 + Math.random() * 0.5);
    }
  }
}
