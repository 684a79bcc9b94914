import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { classifyTask } from '../lib/footprint/classify';
import { siteMatches } from '../lib/sites/hosts';
import { perplexity } from '../lib/sites/perplexity';

export default defineContentScript({
  matches: siteMatches('perplexity'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([perplexity], classifyTask),
});
