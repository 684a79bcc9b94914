/**
 * Try Frugal without an AI account: starts the local replay sites and opens a
 * browser with the built extension loaded, one tab per site.
 *
 *   npm run demo              Chromium
 *   npm run demo -- --firefox Firefox ESR
 *
 * Needs a desktop session (the browser opens a window). Port 443 needs root;
 * otherwise the sites run on a free port and the URLs carry it.
 */
import { launch } from '../e2e/browsers';
import { startReplay } from '../e2e/harness';
import { loadReplayDemos } from '../e2e/replay';

const browserName = process.argv.includes('--firefox') ? 'firefox' : 'chromium';
const demos = await loadReplayDemos();
const { server, origin } = await startReplay(demos.map((demo) => demo.create()));
const browser = await launch(browserName, { hosts: server.hosts, headed: true });

for (const demo of demos) {
  const url = new URL(demo.start);
  const address = `${origin(url.hostname)}${url.pathname}`;
  const tab = await browser.newTab();
  await tab.goto(address);
  console.log(`${demo.name.padEnd(20)} ${address}`);
}
console.log(`\nFrugal is loaded in ${browserName}. Send prompts on the replay sites, then open the Frugal popup.`);
console.log('Press Ctrl+C to stop.');

const stop = async (): Promise<void> => {
  await browser.close();
  browser.dispose();
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
