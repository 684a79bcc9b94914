import { render } from 'preact';
import '../../components/theme.css';
import './popup.css';
import { provideWords } from '../../components/words';
import { isStorageProblem, STORAGE_PROBLEM_KEY } from '../../lib/background/storage-problem';
import { SUMMARY_KEY, type WeeklySummary } from '../../lib/background/summary';
import { readSettings, type Settings, writeSettings } from '../../lib/settings';
import { openFrugalDb } from '../../lib/store/db';
import { createFormat } from '../../lib/views/format';
import { extensionApi } from '../../lib/extension-api';
import { estimateOptions } from '../../lib/views/groups';
import { loadTranslator } from '../../lib/views/i18n';
import { loadPopupView, type PopupView } from '../../lib/views/popup';
import type { PermissionsApi } from '../../lib/views/site-access';
import type { ComponentChildren } from 'preact';
import { Popup } from './App';

/**
 * First render from the settings, the translator and this week's rollups:
 * nothing here grows with the history. `data-render-ms` on the root records
 * how long that took from this script's start (the end-to-end timing test),
 * `data-rendered-at` from the page's start (the benchmarks).
 */
const started = performance.now();
const root = document.getElementById('app')!;

async function show(): Promise<void> {
  const browser = extensionApi();
  // The database opens while the settings are read: the two waits overlap.
  const database = openFrugalDb();
  database.catch(() => undefined);
  const [settings, stored, session] = await Promise.all([
    readSettings(),
    browser.storage.local.get(SUMMARY_KEY),
    browser.storage.session.get(STORAGE_PROBLEM_KEY).catch(() => ({}) as Record<string, unknown>),
  ]);
  const recordedProblem = session[STORAGE_PROBLEM_KEY];
  const storageProblem = isStorageProblem(recordedProblem) ? recordedProblem : null;
  const translator = await loadTranslator(settings.language);
  document.documentElement.lang = translator.language;
  const now = Date.now();
  let view: PopupView | null;
  try {
    view = await loadPopupView(await database, now, translator.locale, estimateOptions(settings));
  } catch {
    view = null;
  }
  const summary = stored[SUMMARY_KEY] as WeeklySummary | undefined;
  const digest = summary && !summary.seen ? summary : null;
  // The first-run view (and its questions to the browser about site access) loads only before the first prompt.
  let firstRun: ComponentChildren = null;
  if (view && !view.hasHistory) {
    const [{ FirstRun }, { readSiteStates }] = await Promise.all([
      import('../../components/FirstRun'),
      import('../../lib/views/site-access'),
    ]);
    firstRun = <FirstRun sites={await readSiteStates(settings.disabledSites, browser.permissions as unknown as PermissionsApi)} />;
  }

  provideWords({ ...translator, format: createFormat(translator.locale) });
  const draw = (current: Settings): void => {
    render(
      <Popup
        view={view}
        settings={current}
        storageProblem={storageProblem}
        digest={digest}
        firstRun={firstRun}
        now={now}
        onTogglePause={() => void writeSettings({ paused: !current.paused }).then(draw)}
      />,
      root,
    );
  };
  draw(settings);
  root.dataset.renderMs = (performance.now() - started).toFixed(1);
  root.dataset.renderedAt = performance.now().toFixed(1);
  // Shown once: the toolbar badge clears when the background sees it read.
  if (digest) await browser.storage.local.set({ [SUMMARY_KEY]: { ...digest, seen: true } });
}

// Settings unreadable (storage failing): say so in the browser's language rather than stay blank.
void show().catch(async () => {
  const { t, language } = await loadTranslator('auto');
  document.documentElement.lang = language;
  render(<p role="alert">{t('common.storageUnavailable')}</p>, root);
});
