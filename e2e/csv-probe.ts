/**
 * In the dashboard: catch the CSV export's download and time it against a
 * bare read of the same rows. Shared by the CSV end-to-end test and the
 * benchmarks. Every function here runs in the page (passed to Tab.evaluate).
 */

/** What the tests reach inside the dashboard page. */
export interface CsvProbe {
  blob?: Blob;
  fileName?: string;
  clickedAt?: number;
  offeredAt?: number;
  longestPause?: number;
}
export interface ProbeWindow {
  csvProbe: CsvProbe;
}

/** Catch the export's download in the page, and time it. */
export function installProbe(): void {
  const probe: CsvProbe = {};
  (window as unknown as ProbeWindow).csvProbe = probe;
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    probe.blob = object as Blob;
    probe.offeredAt = performance.now();
    return createObjectURL(object);
  };
  // Anonymous: tsx (the benchmarks' runner) would wrap a named function in a helper the page lacks.
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    probe.fileName = this.download;
  };
}

/** Click Export, with a heartbeat measuring the longest time the page could not run a task. */
export function clickExport(): void {
  const probe = (window as unknown as ProbeWindow).csvProbe;
  let last = performance.now();
  probe.longestPause = 0;
  const beat = setInterval(() => {
    const now = performance.now();
    probe.longestPause = Math.max(probe.longestPause ?? 0, now - last);
    last = now;
  }, 4);
  const done = new MutationObserver(() => {
    if (document.querySelector('[data-testid="csv-exported"]')) {
      clearInterval(beat);
      done.disconnect();
    }
  });
  done.observe(document.body, { childList: true, subtree: true });
  probe.clickedAt = performance.now();
  document.querySelector<HTMLButtonElement>('[data-testid="csv-export-button"]')!.click();
}

/** A bare read of every event, in time order: the floor an export cannot beat. */
export async function timeGetAll(): Promise<{ ms: number; count: number }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('frugal');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const started = performance.now();
  const records = await new Promise<unknown[]>((resolve, reject) => {
    const request = db.transaction('events').objectStore('events').index('at').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const ms = performance.now() - started;
  db.close();
  return { ms, count: records.length };
}
