import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { classifyTask } from '../lib/footprint/classify';
import { siteMatches } from '../lib/sites/hosts';
import { poe } from '../lib/sites/poe';

export default defineContentScript({
  matches: siteMatches('poe'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([poe], classifyTask),
});
