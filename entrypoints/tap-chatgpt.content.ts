import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { classifyTask } from '../lib/footprint/classify';
import { siteMatches } from '../lib/sites/hosts';
import { chatgpt } from '../lib/sites/chatgpt';

export default defineContentScript({
  matches: siteMatches('chatgpt'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([chatgpt], classifyTask),
});
