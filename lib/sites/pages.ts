import { chatgptPage } from './chatgpt';
import type { SitePage } from './types';

/** Every site's page facts for the relay (health witness, DOM detectors). One line per site. */
export const PAGES: readonly SitePage[] = [chatgptPage];
