import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { classifyTask } from '../lib/footprint/classify';
import { siteMatches } from '../lib/sites/hosts';
import { mistral } from '../lib/sites/mistral';

export default defineContentScript({
  matches: siteMatches('mistral'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([mistral], classifyTask),
});
