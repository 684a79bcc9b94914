import { chatgpt } from './chatgpt';
import type { SiteAdapter } from './types';

/** Every site adapter. Adding a site: its adapter file, its row in hosts.ts, one line here. */
export const ADAPTERS: readonly SiteAdapter[] = [chatgpt];
