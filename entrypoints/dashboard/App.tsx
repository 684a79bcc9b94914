import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BreakdownTable } from '../../components/BreakdownTable';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EventList } from '../../components/EventList';
import { MetricCard } from '../../components/MetricCard';
import { SettingsPanel } from '../../components/settings/SettingsPanel';
import { SimplerTools } from '../../components/SimplerTools';
import { WeekTimeline } from '../../components/WeekTimeline';
import { useWords } from '../../components/words';
import type { SiteId, StoredEvent, Task } from '../../lib/event';
import { readSettings, type RetentionDays, retentionCutoff, type Settings, writeSettings } from '../../lib/settings';
import { siteName } from '../../lib/sites/hosts';
import type { FrugalDb, RollupRecord } from '../../lib/store/db';
import { sendCommand } from '../../lib/views/commands';
import { listEvents, type EventCursor, type EventFilter } from '../../lib/views/events';
import { extensionApi } from '../../lib/extension-api';
import { estimateOptions } from '../../lib/views/groups';
import { buildHistory, PERIODS, type Period, periodTotals, readAllRollups } from '../../lib/views/history';
import { modelName } from '../../lib/views/labels';
import { type PermissionsApi, readSiteStates, type SiteState, turnSiteOff, turnSiteOn } from '../../lib/views/site-access';
import { Methodology } from './Methodology';

const SECTIONS = ['overview', 'breakdown', 'prompts', 'data', 'settings', 'methodology'] as const;
type Section = (typeof SECTIONS)[number];

/** Dispatched on window by anything that changed the stored history from this page (a CSV import). */
export const HISTORY_CHANGED = 'frugal:history-changed';

function sectionOf(hash: string): Section {
  const name = hash.replace(/^#/, '');
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : 'overview';
}

interface Props {
  db: FrugalDb;
  settings: Settings;
  rollups: readonly RollupRecord[];
  now: number;
  /** The CSV export and import (components/ExportImport.tsx), passed in: it imports from this file. */
  exportImport: () => preact.JSX.Element;
}

const permissions = (): PermissionsApi => extensionApi().permissions as unknown as PermissionsApi;

export function Dashboard({ db, settings, rollups: initialRollups, now, exportImport: ExportImport }: Props) {
  const words = useWords();
  const { t, format, locale } = words;
  const [section, setSection] = useState<Section>(sectionOf(location.hash));
  const [rollups, setRollups] = useState(initialRollups);
  const [period, setPeriod] = useState<Period>('month');
  const [siteStates, setSiteStates] = useState<ReadonlyMap<SiteId, SiteState>>(new Map());
  const [deniedSite, setDeniedSite] = useState<SiteId | null>(null);
  const [notificationDenied, setNotificationDenied] = useState(false);
  const [retention, setRetention] = useState<{ days: RetentionDays; count: number; cutoff: number } | null>(null);
  const [confirmDeleteAll, setConfirmDeleteAll] = useState(false);
  const [status, setStatus] = useState('');

  const options = useMemo(() => estimateOptions(settings), [settings.region]);
  const history = useMemo(() => buildHistory(rollups, now, locale, options), [rollups, now, locale, options]);
  const allTime = useMemo(() => periodTotals(history, 'all', now, locale, options), [history]);
  const totals = useMemo(() => periodTotals(history, period, now, locale, options), [history, period]);
  const sites = useMemo(() => [...new Set(rollups.map((rollup) => rollup.site))], [rollups]);

  const reload = useCallback(async () => setRollups(await readAllRollups(db)), [db]);
  // Reads the stored settings, not this render's: a toggle's own refresh may finish after the
  // re-render its settings change caused. Only the latest refresh is applied.
  const refreshes = useRef(0);
  const refreshSites = useCallback(async () => {
    const mine = ++refreshes.current;
    const states = await readSiteStates((await readSettings()).disabledSites, permissions());
    if (mine === refreshes.current) setSiteStates(states);
  }, []);

  useEffect(() => {
    const onHash = () => setSection(sectionOf(location.hash));
    const onChanged = () => void reload();
    window.addEventListener('hashchange', onHash);
    window.addEventListener(HISTORY_CHANGED, onChanged);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener(HISTORY_CHANGED, onChanged);
    };
  }, [reload]);
  useEffect(() => void refreshSites(), [refreshSites, settings.disabledSites]);
  useEffect(() => {
    // Access granted or withdrawn in the browser's own menus shows here at once.
    const { permissions: events } = extensionApi();
    const onChange = () => void refreshSites();
    events.onAdded.addListener(onChange);
    events.onRemoved.addListener(onChange);
    return () => {
      events.onAdded.removeListener(onChange);
      events.onRemoved.removeListener(onChange);
    };
  }, [refreshSites]);
  useEffect(() => {
    document.title = `${t(`dashboard.sections.${section}`)} · ${t('dashboard.title')}`;
  }, [section, t]);

  const loadEvents = useCallback((filter: EventFilter, after: EventCursor | null) => listEvents(db, filter, after), [db]);

  const deleteEvent = async (event: StoredEvent): Promise<boolean> => {
    const reply = await sendCommand({ type: 'frugal/delete-event', id: event.id });
    if (!reply.ok) {
      setStatus(t('dashboard.storageError'));
      return false;
    }
    await reload();
    return reply.deleted === 1;
  };

  const deleteAll = async () => {
    setConfirmDeleteAll(false);
    const reply = await sendCommand({ type: 'frugal/delete-all' });
    setStatus(reply.ok ? t('dashboard.deleteAllDone') : t('dashboard.storageError'));
    await reload();
  };

  const toggleSite = (site: SiteId, on: boolean) => {
    setDeniedSite(null);
    // turnSiteOn asks the browser first thing, inside this click.
    const change = on ? turnSiteOn(site, permissions()).then((granted) => !granted && setDeniedSite(site)) : turnSiteOff(site, permissions());
    void change.then(refreshSites);
  };

  const toggleNotification = (on: boolean) => {
    setNotificationDenied(false);
    if (!on) {
      void writeSettings({ weeklyNotification: false });
      void extensionApi().permissions.remove({ permissions: ['notifications'] }).catch(() => undefined);
      return;
    }
    void extensionApi()
      .permissions.request({ permissions: ['notifications'] })
      .then(async (granted) => {
        if (granted) await writeSettings({ weeklyNotification: true });
        else setNotificationDenied(true);
      });
  };

  const chooseRetention = async (days: RetentionDays) => {
    if (days === null) {
      await writeSettings({ retentionDays: null });
      return;
    }
    const cutoff = retentionCutoff(days, Date.now());
    const count = await db.countFromIndex('events', 'at', IDBKeyRange.upperBound(cutoff, true));
    if (count === 0) await writeSettings({ retentionDays: days });
    else setRetention({ days, count, cutoff });
  };

  const applyRetention = async () => {
    if (!retention) return;
    setRetention(null);
    await writeSettings({ retentionDays: retention.days });
    const reply = await sendCommand({ type: 'frugal/apply-retention' });
    setStatus(reply.ok ? t('settings.retentionDeleted', { prompts: t('common.prompts', reply.deleted, [format.count(reply.deleted)]) }) : t('dashboard.storageError'));
    await reload();
  };

  const periodName = (days: RetentionDays) => (days === null ? t('settings.retentionForever') : t('settings.retentionDays', days, [format.count(days)]));
  const promptCount = (count: number) => t('common.prompts', count, [format.count(count)]);

  return (
    <div class="dashboard">
      <header class="dashboard-header">
        <h1>{t('dashboard.title')}</h1>
        <nav aria-label={t('dashboard.nav')}>
          <ul class="row tabs">
            {SECTIONS.map((name) => (
              <li key={name}>
                <a href={`#${name}`} aria-current={section === name ? 'page' : undefined} data-section={name}>
                  {t(`dashboard.sections.${name}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="stack" data-section={section}>
        <h2>{t(`dashboard.sections.${section}`)}</h2>
        <p class={status ? 'card small' : 'sr-only'} role="status" data-testid="status">
          {status}
        </p>

        {section === 'overview' &&
          (history.since === null ? (
            <p data-testid="empty">{t('dashboard.empty')}</p>
          ) : (
            <div class="stack">
              <p class="muted">{t('dashboard.since', { date: format.date(history.since) })}</p>
              <div class="overview-grid">
                <div class="card metrics" role="group" aria-label={t('dashboard.totalsLabel')} data-testid="all-time">
                  <p>
                    <strong data-testid="all-time-prompts">{promptCount(allTime.prompts)}</strong>
                  </p>
                  <MetricCard quantity="energy" value={allTime.total.energyWh} />
                  <MetricCard quantity="co2" value={allTime.total.co2g} />
                  <MetricCard quantity="water" value={allTime.total.waterMl.total} />
                </div>
                <SimplerTools total={allTime} headingLevel={3} />
              </div>
              <WeekTimeline weeks={history.weeks} />
            </div>
          ))}

        {section === 'breakdown' && (
          <div class="stack">
            <label class="row">
              <span>{t('dashboard.period')}</span>
              <select value={period} onChange={(change) => setPeriod((change.currentTarget as HTMLSelectElement).value as Period)} data-testid="period">
                {PERIODS.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`dashboard.periods.${choice}`)}
                  </option>
                ))}
              </select>
            </label>
            <p>
              <strong data-testid="period-prompts">{promptCount(totals.prompts)}</strong> · {format.amount('energy', totals.total.energyWh.central)}
            </p>
            <BreakdownTable
              caption={t('dashboard.tableSite')}
              nameHeader={t('dashboard.columns.site')}
              rows={totals.bySite}
              nameOf={(row) => siteName(row.id as SiteId)}
              testId="by-site"
            />
            <BreakdownTable
              caption={t('dashboard.tableModel')}
              nameHeader={t('dashboard.columns.model')}
              rows={totals.byModel}
              nameOf={(row) => modelName({ id: row.id, name: row.label }, t)}
              testId="by-model"
            />
            <BreakdownTable
              caption={t('dashboard.tableTask')}
              nameHeader={t('dashboard.columns.task')}
              rows={totals.byTask}
              nameOf={(row) => t(`task.${row.id as Task}`)}
              testId="by-task"
            />
          </div>
        )}

        {section === 'prompts' && <EventList load={loadEvents} onDelete={deleteEvent} options={options} sites={sites} />}

        {section === 'data' && (
          <div class="stack">
            {/* CSV export and import: components/ExportImport.tsx, built by the CSV work (issue 7). */}
            <section class="card stack" aria-labelledby="csv-title" data-testid="export-import">
              <h3 id="csv-title">{t('dashboard.csvTitle')}</h3>
              <ExportImport />
            </section>
            <section class="card stack" aria-labelledby="delete-all-title">
              <h3 id="delete-all-title">{t('dashboard.deleteAllTitle')}</h3>
              <p>{t('dashboard.deleteAllHelp')}</p>
              <p>
                <button type="button" class="danger" onClick={() => setConfirmDeleteAll(true)} data-testid="delete-all">
                  {t('dashboard.deleteAllButton')}
                </button>
              </p>
            </section>
          </div>
        )}

        {section === 'settings' && (
          <SettingsPanel
            settings={settings}
            siteStates={siteStates}
            deniedSite={deniedSite}
            notificationDenied={notificationDenied}
            onChange={(change) => void writeSettings(change)}
            onToggleSite={toggleSite}
            onRetention={(days) => void chooseRetention(days)}
            onNotification={toggleNotification}
          />
        )}

        {section === 'methodology' && <Methodology />}
      </main>

      <ConfirmDialog
        open={confirmDeleteAll}
        title={t('dashboard.deleteAllTitle')}
        confirmLabel={t('dashboard.deleteAllDo')}
        onConfirm={() => void deleteAll()}
        onCancel={() => setConfirmDeleteAll(false)}
      >
        <p>{t('dashboard.deleteAllConfirm', { prompts: promptCount(allTime.prompts) })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={retention !== null}
        title={t('settings.retentionTitle')}
        confirmLabel={retention ? t('settings.retentionApply', { period: periodName(retention.days) }) : ''}
        onConfirm={() => void applyRetention()}
        onCancel={() => setRetention(null)}
      >
        {retention && (
          <p>
            {t('settings.retentionConfirm', {
              period: periodName(retention.days),
              prompts: promptCount(retention.count),
              date: format.date(retention.cutoff),
            })}
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
