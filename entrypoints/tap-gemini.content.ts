import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { classifyTask } from '../lib/footprint/classify';
import { siteMatches } from '../lib/sites/hosts';
import { gemini } from '../lib/sites/gemini';

export default defineContentScript({
  matches: siteMatches('gemini'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([gemini], classifyTask),
});
