/**
 * Why the background cannot save captures, kept where every extension page can
 * read it (storage.session: memory only, cleared with the browser session, so
 * it can never outlive the problem by more than that). The toolbar badge says
 * "!" and the popup says what happened and what to do; nothing fails silently.
 */

export const STORAGE_PROBLEM_KEY = 'storageProblem';

/** `full`: the quota is used up (QuotaExceededError). `unavailable`: IndexedDB does not open or write at all. */
export type StorageProblem = 'full' | 'unavailable';

export function storageProblemOf(error: unknown): StorageProblem {
  const name = (error as { name?: unknown } | null)?.name;
  const message = String((error as { message?: unknown } | null)?.message ?? '');
  // Chrome and Firefox name it QuotaExceededError; a write the quota stopped may also
  // surface as an aborted transaction whose message names the quota.
  return name === 'QuotaExceededError' || /quota/i.test(message) ? 'full' : 'unavailable';
}

/** The parts of `browser.storage.session` this uses. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function isStorageProblem(value: unknown): value is StorageProblem {
  return value === 'full' || value === 'unavailable';
}

/**
 * Keeps the recorded problem in step with what the last write did. A worker
 * start reads the record first (a worker stopped mid-failure left it there),
 * so the first successful write after the storage came back clears it.
 * `onChange` redraws the badge.
 */
export function trackStorageProblem(area: SessionArea, onChange: (problem: StorageProblem | null) => void) {
  let known: Promise<StorageProblem | null> = area.get(STORAGE_PROBLEM_KEY).then(
    (items) => {
      const recorded = items[STORAGE_PROBLEM_KEY];
      const problem = isStorageProblem(recorded) ? recorded : null;
      onChange(problem);
      return problem;
    },
    () => null,
  );
  const record = (next: StorageProblem | null): Promise<void> => {
    const previous = known;
    known = previous.then(async (current) => {
      if (current === next) return current;
      onChange(next);
      await (next === null ? area.remove(STORAGE_PROBLEM_KEY) : area.set({ [STORAGE_PROBLEM_KEY]: next })).catch(() => undefined);
      return next;
    });
    return known.then(() => undefined);
  };
  return {
    failed: (error: unknown): Promise<void> => record(storageProblemOf(error)),
    stored: (): Promise<void> => record(null),
  };
}
