// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRelayContext, type RuntimeIdentity } from '../relay-context';

let ids = 0;
const newId = () => `relay-${++ids}`;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('relay context', () => {
  it('runs its timers and listeners while the extension is there', async () => {
    const ctx = startRelayContext({ runtime: { id: 'frugal' } }, document, newId);
    const fired = vi.fn();
    const heard = vi.fn();
    ctx.setTimeout(fired, 100);
    ctx.addEventListener(document, 'frugal:test', heard);
    document.dispatchEvent(new Event('frugal:test'));
    await vi.advanceTimersByTimeAsync(100);
    expect(fired).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(ctx.isInvalid).toBe(false);
    expect(ctx.signal.aborted).toBe(false);
  });

  it('ends quietly once the extension is gone (updated, reloaded or removed): no timer fires, no listener hears', async () => {
    const api: RuntimeIdentity = { runtime: { id: 'frugal' } };
    const ctx = startRelayContext(api, document, newId);
    const fired = vi.fn();
    const heard = vi.fn();
    ctx.setTimeout(fired, 100);
    ctx.addEventListener(document, 'frugal:test', heard);
    // Chrome's orphaned content script: the runtime is there, its id is not.
    api.runtime = {};
    await vi.advanceTimersByTimeAsync(100);
    expect(fired).not.toHaveBeenCalled();
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.signal.aborted).toBe(true);
    document.dispatchEvent(new Event('frugal:test'));
    expect(heard).not.toHaveBeenCalled();
  });

  it('forgets a timer once it fired: ending later has nothing of it to cancel', async () => {
    const ctx = startRelayContext({ runtime: { id: 'frugal' } }, document, newId);
    const fired = vi.fn();
    for (let i = 0; i < 3; i++) ctx.setTimeout(fired, 100);
    ctx.setTimeout(fired, 10_000);
    await vi.advanceTimersByTimeAsync(100);
    expect(fired).toHaveBeenCalledTimes(3);
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    try {
      startRelayContext({ runtime: { id: 'frugal' } }, document, newId);
      expect(ctx.signal.aborted).toBe(true);
      // Only the timer still pending is cancelled.
      expect(cleared).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(fired).toHaveBeenCalledTimes(3);
    } finally {
      cleared.mockRestore();
    }
  });

  it('counts a runtime that throws on access (a dead Firefox sandbox) as gone, without throwing itself', () => {
    let dead = false;
    const api = {
      get runtime(): { id?: string } {
        if (dead) throw new TypeError("can't access dead object");
        return { id: 'frugal' };
      },
    };
    const ctx = startRelayContext(api, document, newId);
    expect(ctx.isInvalid).toBe(false);
    dead = true;
    expect(ctx.isInvalid).toBe(true);
    expect(startRelayContext(api, document, newId).isInvalid).toBe(true);
  });

  it('ends an older relay of the same extension when a newer one starts in the page, and only that one', () => {
    const older = startRelayContext({ runtime: { id: 'frugal' } }, document, newId);
    const otherExtension = startRelayContext({ runtime: { id: 'someone-else' } }, document, newId);
    const newer = startRelayContext({ runtime: { id: 'frugal' } }, document, newId);
    expect(older.signal.aborted).toBe(true);
    expect(newer.signal.aborted).toBe(false);
    expect(otherExtension.signal.aborted).toBe(false);
  });
});
