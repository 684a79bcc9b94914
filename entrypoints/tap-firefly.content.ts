import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { siteMatches } from '../lib/sites/hosts';
import { firefly } from '../lib/sites/firefly';

export default defineContentScript({
  matches: siteMatches('firefly'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([firefly]),
});
