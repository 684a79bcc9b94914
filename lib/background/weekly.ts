import type { Settings } from '../settings';
import type { FrugalDb } from '../store/db';
import { estimateOptions } from '../views/groups';
import type { Translator } from '../views/i18n';
import { applyRetention } from './commands';
import { refreshWeeklySummary, type SummaryStore, type WeeklySummary } from './summary';

/**
 * The background's periodic chores, run hourly by an alarm and when the
 * browser starts: apply the retention period, and when a week has ended,
 * make its summary, mark the toolbar button and (if the user opted in and
 * the browser allows) show a notification.
 */
export interface ChoreDeps {
  db: () => Promise<FrugalDb>;
  summaries: SummaryStore;
  settings: () => Promise<Settings>;
  translator: () => Promise<Translator>;
  now: () => number;
  onSummaryReady: (summary: WeeklySummary) => Promise<void>;
  /** Resolves false when the browser does not allow notifications (permission not granted). */
  notify: (summary: WeeklySummary, translator: Translator) => Promise<boolean>;
}

export async function runChores(deps: ChoreDeps): Promise<void> {
  const [db, settings, translator] = await Promise.all([deps.db(), deps.settings(), deps.translator()]);
  await applyRetention(db, settings, deps.now());
  const summary = await refreshWeeklySummary(db, deps.summaries, deps.now(), translator.locale, estimateOptions(settings));
  if (!summary) return;
  await deps.onSummaryReady(summary);
  if (settings.weeklyNotification) await deps.notify(summary, translator);
}
