import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { classifyTask } from '../lib/footprint/classify';
import { siteMatches } from '../lib/sites/hosts';
import { copilot } from '../lib/sites/copilot';

export default defineContentScript({
  matches: siteMatches('copilot'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([copilot], classifyTask),
});
