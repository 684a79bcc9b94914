import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { classifyTask } from '../lib/footprint/classify';
import { siteMatches } from '../lib/sites/hosts';
import { huggingchat } from '../lib/sites/huggingchat';

export default defineContentScript({
  matches: siteMatches('huggingchat'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([huggingchat], classifyTask),
});
