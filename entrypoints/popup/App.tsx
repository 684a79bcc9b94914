import { BudgetProgress } from '../../components/BudgetProgress';
import { DayChart } from '../../components/DayChart';
import { EquivalentLine } from '../../components/EquivalentLine';
import { HealthWarning } from '../../components/HealthWarning';
import { MetricCard } from '../../components/MetricCard';
import { ShareList } from '../../components/ShareList';
import { SimplerTools } from '../../components/SimplerTools';
import { WeeklyDigest } from '../../components/WeeklyDigest';
import { useWords } from '../../components/words';
import type { StorageProblem } from '../../lib/background/storage-problem';
import type { WeeklySummary } from '../../lib/background/summary';
import type { ComponentChildren } from 'preact';
import type { SiteId } from '../../lib/event';
import type { Settings } from '../../lib/settings';
import { siteName } from '../../lib/sites/hosts';
import { modelName } from '../../lib/views/labels';
import type { PopupView } from '../../lib/views/popup';
import { startOfDay } from '../../lib/time';
import { extensionApi } from '../../lib/extension-api';

export interface PopupProps {
  /** null when the history could not be read. */
  view: PopupView | null;
  settings: Settings;
  /** Why new prompts cannot be saved, when the background last failed to save one. */
  storageProblem: StorageProblem | null;
  /** The weekly digest, when one is waiting to be read. */
  digest: WeeklySummary | null;
  /** What to show before the first prompt (loaded only then: components/FirstRun.tsx). */
  firstRun: ComponentChildren;
  now: number;
  onTogglePause: () => void;
}

const dashboardUrl = (section: string): string => `${extensionApi().runtime.getURL('/dashboard.html')}#${section}`;

export function Popup({ view, settings, storageProblem, digest, firstRun, now, onTogglePause }: PopupProps) {
  const { t } = useWords();
  const disabled = new Set(settings.disabledSites);
  return (
    <div class="popup stack">
      <header class="row header">
        <h1>{t('common.appName')}</h1>
        <a class="dashboard-link" href={dashboardUrl('overview')} target="_blank" rel="noopener">
          {t('popup.openDashboard')}
        </a>
      </header>
      <main class="stack">
        {settings.paused && (
          <p class="warning" data-testid="paused">
            {t('popup.paused')}
          </p>
        )}
        {storageProblem && (
          <div class="warning" role="alert" data-testid="storage-problem">
            <p>{t(storageProblem === 'full' ? 'popup.storageFull' : 'popup.storageUnavailable')}</p>
            {storageProblem === 'full' && (
              <a href={dashboardUrl('data')} target="_blank" rel="noopener">
                {t('popup.storageAction')}
              </a>
            )}
          </div>
        )}
        {view === null ? (
          <p role="alert">{t('common.storageUnavailable')}</p>
        ) : (
          <>
            <HealthWarning sites={view.needsUpdate.filter((site) => !disabled.has(site))} />
            {digest && <WeeklyDigest summary={digest} />}
            {view.hasHistory ? <Week view={view} settings={settings} now={now} /> : firstRun}
          </>
        )}
      </main>
      <footer class="row footer">
        <button type="button" onClick={onTogglePause} aria-pressed={settings.paused} data-testid="pause">
          {settings.paused ? t('popup.resume') : t('popup.pause')}
        </button>
        {/* CSV export and import live in the dashboard's data section (components/ExportImport.tsx). */}
        <a href={dashboardUrl('data')} target="_blank" rel="noopener">
          {t('popup.exportImport')}
        </a>
        <a href={dashboardUrl('settings')} target="_blank" rel="noopener">
          {t('popup.settings')}
        </a>
      </footer>
    </div>
  );
}

function Week({ view, settings, now }: { view: PopupView; settings: Settings; now: number }) {
  const { t, format } = useWords();
  const week = view.thisWeek;
  const before = view.sameDaysLastWeek.prompts;
  const change = before > 0 ? (week.prompts - before) / before : null;
  let changeText: string;
  if (change === null) changeText = t('popup.changeNew');
  else if (Math.round(change * 100) === 0) changeText = t('popup.changeSame');
  else changeText = t(change > 0 ? 'popup.changeMore' : 'popup.changeLess', { change: format.percent(Math.abs(change)) });

  return (
    <>
      <section class="stack" aria-labelledby="week-title">
        <h2 id="week-title">{t('popup.weekOf', { start: format.day(view.weekStart) })}</h2>
        <p>
          <strong data-testid="week-prompts">{t('common.prompts', week.prompts, [format.count(week.prompts)])}</strong>
          {week.prompts > 0 && <span class="muted"> · {changeText}</span>}
        </p>
        {week.prompts === 0 && <p class="muted">{t('popup.nothingThisWeek')}</p>}
        <div class="card metrics" role="group" aria-label={t('popup.cardsLabel')}>
          <MetricCard quantity="energy" value={week.total.energyWh} />
          <MetricCard quantity="co2" value={week.total.co2g} />
          <MetricCard quantity="water" value={week.total.waterMl.total} />
        </div>
        <EquivalentLine footprint={week.total} />
      </section>
      {week.prompts > 0 && <SimplerTools total={week} />}
      {settings.budget && <BudgetProgress budget={settings.budget} week={week} />}
      <DayChart days={view.days} today={startOfDay(now)} />
      {week.prompts > 0 && (
        <div class="breakdowns">
          <ShareList title={t('popup.bySite')} rows={week.bySite} nameOf={(row) => siteName(row.id as SiteId)} />
          <ShareList title={t('popup.byModel')} rows={week.byModel} nameOf={(row) => modelName({ id: row.id, name: row.label }, t)} />
        </div>
      )}
    </>
  );
}
