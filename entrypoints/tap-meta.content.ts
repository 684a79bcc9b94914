import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { classifyTask } from '../lib/footprint/classify';
import { siteMatches } from '../lib/sites/hosts';
import { meta } from '../lib/sites/meta';

export default defineContentScript({
  matches: siteMatches('meta'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([meta], classifyTask),
});
