import { expect } from 'vitest';
import type { EventRecord } from '../lib/store/db';
import type { ExtensionBrowser } from './browsers';
import { waitForEvents } from './harness';

/** A stored event's expected fields, or a test for the ones a range describes. */
export type Expectation = Partial<EventRecord> | ((event: EventRecord) => boolean);

function satisfies(event: EventRecord, expectation: Expectation): boolean {
  if (typeof expectation === 'function') return expectation(event);
  return Object.entries(expectation).every(([key, value]) => event[key as keyof EventRecord] === value);
}

/**
 * The stored events of one browser that its tests have accounted for, so that
 * each check can demand exactly the new events a step should add: one prompt,
 * one event; no event for what is no prompt.
 */
export class EventLedger {
  private readonly accounted = new Set<string>();

  constructor(private readonly browser: ExtensionBrowser) {}

  /** How many stored events the tests have accounted for. */
  get size(): number {
    return this.accounted.size;
  }

  /**
   * Waits for one new stored event per expectation (in any order) and checks that
   * there are no others. Returns them in expectation order.
   */
  expectNew(...expectations: Expectation[]): Promise<EventRecord[]> {
    return this.expectNewWithin(20_000, expectations);
  }

  async expectNewWithin(timeoutMs: number, expectations: Expectation[]): Promise<EventRecord[]> {
    let found: EventRecord[] = [];
    const events = await waitForEvents(
      this.browser,
      (stored) => {
        const fresh = stored.filter((event) => !this.accounted.has(event.id));
        found = [];
        for (const expectation of expectations) {
          const match = fresh.find((event) => !found.includes(event) && satisfies(event, expectation));
          if (!match) return false;
          found.push(match);
        }
        return true;
      },
      timeoutMs,
    );
    const fresh = events.filter((event) => !this.accounted.has(event.id));
    expect(fresh).toHaveLength(expectations.length);
    for (const event of fresh) this.accounted.add(event.id);
    return found;
  }

  /** After `settleMs`, no event beyond those accounted for. */
  async expectNone(settleMs = 1_000): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const fresh = (await this.browser.readStore('events')).filter((event) => !this.accounted.has(event.id));
    expect(fresh).toEqual([]);
  }
}
