import type { ReplaySite } from '../server';
import { chatgptReplay } from './chatgpt/site';

/** Every replay site, with the page to open for each (used by `npm run demo`). */
export const REPLAY_SITES: readonly { name: string; site: ReplaySite; start: string }[] = [
  { name: 'ChatGPT', site: chatgptReplay({ chunkBytes: 40, delayMs: 30 }), start: 'https://chatgpt.com/' },
];
