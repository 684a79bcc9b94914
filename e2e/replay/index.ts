import { readdirSync } from 'node:fs';
import type { ReplaySite } from '../server';

/**
 * What `npm run demo` offers: every replay site folder's `site.ts` exports a
 * `demo`. Collected from the folders, so adding a replay site touches no shared file.
 */
export interface ReplayDemo {
  /** Display name. */
  name: string;
  /** The page to open, with the real hostname. */
  start: string;
  /** A replay paced for people (slower than in tests). */
  create(): ReplaySite;
}

export async function loadReplayDemos(): Promise<ReplayDemo[]> {
  const folders = readdirSync(new URL('.', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const demos: ReplayDemo[] = [];
  for (const folder of folders) {
    const module = (await import(new URL(`./${folder}/site.ts`, import.meta.url).href)) as { demo?: ReplayDemo };
    if (module.demo) demos.push(module.demo);
  }
  return demos;
}
