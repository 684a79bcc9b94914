import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { siteMatches } from '../lib/sites/hosts';
import { ideogram } from '../lib/sites/ideogram';

export default defineContentScript({
  matches: siteMatches('ideogram'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([ideogram]),
});
