import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Files under `dir` whose bytes contain `needle`, as UTF-8 or as UTF-16LE (how
 * browsers store some strings). Used after the browser closed, so that every
 * database and log has been flushed to disk.
 */
export function filesContaining(dir: string, needle: string): string[] {
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const hits: string[] = [];
  const walk = (path: string): void => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return; // a lock file that vanished while walking
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else if (stat.isFile()) {
      const bytes = readFileSync(path);
      if (patterns.some((pattern) => bytes.includes(pattern))) hits.push(path);
    }
  };
  walk(dir);
  return hits;
}
