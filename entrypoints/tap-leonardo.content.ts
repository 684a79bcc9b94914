import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { siteMatches } from '../lib/sites/hosts';
import { leonardo } from '../lib/sites/leonardo';

export default defineContentScript({
  matches: siteMatches('leonardo'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([leonardo]),
});
