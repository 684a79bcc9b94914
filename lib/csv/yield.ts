/**
 * Hand the main thread back to the page (rendering, input) between chunks of
 * work. `scheduler.yield()` where the browser has it (Chrome 129+); otherwise
 * a message to ourselves, which, unlike a zero timeout, is not clamped to 4 ms
 * once calls nest (HTML standard, timers: nesting level > 5).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
