import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { classifyTask } from '../lib/footprint/classify';
import { siteMatches } from '../lib/sites/hosts';
import { grok, grokOnX } from '../lib/sites/grok';

export default defineContentScript({
  matches: siteMatches('grok'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([grok, grokOnX], classifyTask),
});
