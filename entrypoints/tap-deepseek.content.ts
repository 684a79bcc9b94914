import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { classifyTask } from '../lib/footprint/classify';
import { siteMatches } from '../lib/sites/hosts';
import { deepseek } from '../lib/sites/deepseek';

export default defineContentScript({
  matches: siteMatches('deepseek'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([deepseek], classifyTask),
});
