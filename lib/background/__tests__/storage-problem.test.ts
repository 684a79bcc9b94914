import { describe, expect, it, vi } from 'vitest';
import { STORAGE_PROBLEM_KEY, storageProblemOf, trackStorageProblem, type SessionArea } from '../storage-problem';

function memoryArea(initial: Record<string, unknown> = {}): SessionArea & { items: Record<string, unknown> } {
  const items = { ...initial };
  return {
    items,
    get: async (key) => (key in items ? { [key]: items[key] } : {}),
    set: async (values) => void Object.assign(items, values),
    remove: async (key) => void delete items[key],
  };
}

describe('storageProblemOf', () => {
  it.each<[string, unknown, string]>([
    ['a QuotaExceededError', new DOMException('Quota exceeded', 'QuotaExceededError'), 'full'],
    ['an abort that names the quota', Object.assign(new Error('The transaction was aborted: quota reached'), { name: 'AbortError' }), 'full'],
    ['Firefox private mode', new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'), 'unavailable'],
    ['anything else', 'broken', 'unavailable'],
    ['nothing', null, 'unavailable'],
  ])('reads %s', (_label, error, problem) => {
    expect(storageProblemOf(error)).toBe(problem);
  });
});

describe('trackStorageProblem', () => {
  it('records a failure for the pages, and clears it at the next successful write', async () => {
    const area = memoryArea();
    const onChange = vi.fn();
    const tracker = trackStorageProblem(area, onChange);
    await tracker.failed(new DOMException('full', 'QuotaExceededError'));
    expect(area.items[STORAGE_PROBLEM_KEY]).toBe('full');
    await tracker.stored();
    expect(area.items).toEqual({});
    expect(onChange.mock.calls).toEqual([[null], ['full'], [null]]);
  });

  it('clears a problem a stopped worker left behind once a write succeeds', async () => {
    const area = memoryArea({ [STORAGE_PROBLEM_KEY]: 'unavailable' });
    const onChange = vi.fn();
    const tracker = trackStorageProblem(area, onChange);
    await tracker.stored();
    expect(area.items).toEqual({});
    expect(onChange.mock.calls).toEqual([['unavailable'], [null]]);
  });

  it('writes nothing while the state does not change', async () => {
    const area = memoryArea();
    const set = vi.spyOn(area, 'set');
    const remove = vi.spyOn(area, 'remove');
    const tracker = trackStorageProblem(area, () => undefined);
    await Promise.all([tracker.stored(), tracker.stored()]);
    await Promise.all([tracker.failed('x'), tracker.failed('y')]);
    expect(set).toHaveBeenCalledTimes(1);
    expect(remove).not.toHaveBeenCalled();
  });

  it('keeps working when the session area fails', async () => {
    const broken: SessionArea = {
      get: () => Promise.reject(new Error('no session storage')),
      set: () => Promise.reject(new Error('no session storage')),
      remove: () => Promise.reject(new Error('no session storage')),
    };
    const onChange = vi.fn();
    const tracker = trackStorageProblem(broken, onChange);
    await tracker.failed(new DOMException('full', 'QuotaExceededError'));
    expect(onChange).toHaveBeenLastCalledWith('full');
  });
});
