import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTap } from '../lib/capture/start-tap';
import { siteMatches } from '../lib/sites/hosts';
import { bingImageCreator } from '../lib/sites/bing-image-creator';

export default defineContentScript({
  matches: siteMatches('bing-image-creator'),
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => startTap([bingImageCreator]),
});
