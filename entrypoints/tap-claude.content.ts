import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { classifyTask } from '../lib/footprint/classify';
import { siteMatches } from '../lib/sites/hosts';
import { claude } from '../lib/sites/claude';

export default defineContentScript({
  matches: siteMatches('claude'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([claude], classifyTask),
});
