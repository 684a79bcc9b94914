import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { siteMatches } from '../lib/sites/hosts';
import { midjourney } from '../lib/sites/midjourney';

export default defineContentScript({
  matches: siteMatches('midjourney'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([midjourney]),
});
