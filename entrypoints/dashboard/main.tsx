import { render } from 'preact';
import '../../components/theme.css';
import './dashboard.css';
import { provideWords } from '../../components/words';
import { readSettings, type Settings, watchSettings } from '../../lib/settings';
import { openFrugalDb } from '../../lib/store/db';
import { createFormat } from '../../lib/views/format';
import { readAllRollups } from '../../lib/views/history';
import { loadTranslator, type Translator } from '../../lib/views/i18n';
import { ExportImport } from '../../components/ExportImport';
import { Dashboard } from './App';

/**
 * The dashboard (also the options page, at #settings). It re-renders when the
 * settings change, from this page or another one; a new language loads its
 * texts first.
 */
const root = document.getElementById('app')!;

async function start(): Promise<void> {
  let settings: Settings = await readSettings();
  let translator: Translator = await loadTranslator(settings.language);
  const now = Date.now();
  let db;
  let rollups;
  try {
    db = await openFrugalDb();
    rollups = await readAllRollups(db);
  } catch {
    document.documentElement.lang = translator.language;
    render(<p role="alert">{translator.t('common.storageUnavailable')}</p>, root);
    return;
  }
  const draw = (): void => {
    document.documentElement.lang = translator.language;
    provideWords({ ...translator, format: createFormat(translator.locale) });
    render(<Dashboard db={db} settings={settings} rollups={rollups} now={now} exportImport={ExportImport} />, root);
  };
  watchSettings((next) => {
    const reload = next.language !== settings.language;
    settings = next;
    if (!reload) return draw();
    void loadTranslator(next.language).then((loaded) => {
      translator = loaded;
      draw();
    });
  });
  draw();
}

void start();
