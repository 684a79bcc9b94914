import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBadge, type BadgeApi } from '../lib/background/badge';
import { handleCapture, handleWitness, senderSite, type CaptureDeps } from '../lib/background/capture';
import { handlePageCommand, isPageCommand, type CommandDeps } from '../lib/background/commands';
import { droppedCapture, isFromDisabledSite } from '../lib/background/gate';
import { notifyWeeklySummary, WEEKLY_NOTIFICATION_ID, type NotificationsApi } from '../lib/background/notify';
import { injectIntoOpenTabs, type InjectApi } from '../lib/background/reinject';
import { SUMMARY_KEY, type SummaryStore, type WeeklySummary } from '../lib/background/summary';
import { trackStorageProblem } from '../lib/background/storage-problem';
import { runChores } from '../lib/background/weekly';
import { isCaptureMessage, isWitnessMessage, type CaptureReply } from '../lib/messages';
import { type Language, readSettings, type Settings, watchSettings } from '../lib/settings';
import { createDbConnection } from '../lib/store/db';
import { loadTranslator, type Translator } from '../lib/views/i18n';

/** Hourly: retention pruning and the weekly summary, even on days without a prompt to wake the worker. */
const CHORES_ALARM = 'frugal-chores';

export default defineBackground(() => {
  // Opened lazily inside handlers: the worker may start for any event.
  const db = createDbConnection();
  const runtimeId = browser.runtime.id;

  // Settings are read once per worker start and kept current by storage events.
  // A failed read is not cached: the next message tries again.
  let settingsRead: Promise<Settings> | null = null;
  const settings = (): Promise<Settings> => {
    settingsRead ??= readSettings().catch((error: unknown) => {
      settingsRead = null;
      throw error;
    });
    return settingsRead;
  };

  let translation: { language: Language; translator: Promise<Translator> } | null = null;
  const translator = async (): Promise<Translator> => {
    const { language } = await settings();
    if (translation?.language !== language) translation = { language, translator: loadTranslator(language) };
    return translation.translator;
  };

  const badge = createBadge(browser.action as unknown as BadgeApi, async () => (await translator()).t);
  // Recorded in storage.session for the popup; the badge follows it.
  const storageProblem = trackStorageProblem(browser.storage.session, (problem) => void badge.update({ storageError: problem !== null }));

  const summaries: SummaryStore = {
    read: async () => ((await browser.storage.local.get(SUMMARY_KEY))[SUMMARY_KEY] as WeeklySummary | undefined) ?? null,
    write: (summary) => browser.storage.local.set({ [SUMMARY_KEY]: summary }),
  };
  const isUnread = (summary: unknown): boolean =>
    typeof summary === 'object' && summary !== null && (summary as WeeklySummary).seen === false;

  const deps: CaptureDeps = {
    runtimeId,
    db,
    onStorageError: (error) => void storageProblem.failed(error),
    onStored: () => void storageProblem.stored(),
  };

  const commandDeps: CommandDeps = {
    runtimeId,
    extensionOrigin: browser.runtime.getURL('/'),
    db,
    settings,
    now: Date.now,
    onDeletedAll: () => browser.storage.local.remove(SUMMARY_KEY),
  };

  const chores = (): Promise<void> =>
    runChores({
      db,
      summaries,
      settings,
      translator,
      now: Date.now,
      onSummaryReady: () => badge.update({ summaryReady: true }),
      notify: async (summary, words) => {
        const allowed = await browser.permissions.contains({ permissions: ['notifications'] });
        if (!allowed || !browser.notifications) return false;
        await notifyWeeklySummary(browser.notifications as unknown as NotificationsApi, summary, words);
        return true;
      },
    }).catch(() => undefined);

  void settings().then((current) => badge.update({ paused: current.paused }), () => undefined);
  void summaries.read().then((summary) => badge.update({ summaryReady: isUnread(summary) }), () => undefined);

  watchSettings((next) => {
    settingsRead = Promise.resolve(next);
    void badge.update({ paused: next.paused });
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SUMMARY_KEY in changes) void badge.update({ summaryReady: isUnread(changes[SUMMARY_KEY]!.newValue) });
  });

  // Chrome leaves open tabs without content scripts after an install or update.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (isFirefox() || (reason !== 'install' && reason !== 'update')) return;
    void injectIntoOpenTabs(browser as unknown as InjectApi).catch(() => undefined);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHORES_ALARM) void chores();
  });
  void browser.alarms.get(CHORES_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(CHORES_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
  });
  browser.runtime.onStartup.addListener(() => void chores());

  // Present only once the user granted the optional permission.
  browser.notifications?.onClicked.addListener((id) => {
    if (id === WEEKLY_NOTIFICATION_ID) void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
  });

  // Registered synchronously on every start, or events that woke the worker are lost.
  // Each handler answers only its own messages (undefined otherwise).
  browser.runtime.onMessage.addListener((message, sender) => {
    if (isCaptureMessage(message)) {
      return settings().then(
        (current) => droppedCapture(message, sender, runtimeId, current) ?? handleCapture(message, sender, deps),
        // Without the settings we cannot know whether tracking is paused: nothing is stored, the relay retries.
        (): CaptureReply | undefined =>
          senderSite(sender, runtimeId) ? { ok: false, retry: true, reason: 'storage-unavailable' } : undefined,
      );
    }
    if (isWitnessMessage(message)) {
      return settings().then(
        // A site the user turned off: taken (true) and dropped, so the page does not send it again.
        (current) => (isFromDisabledSite(sender, runtimeId, current) ? true : handleWitness(message, sender, deps)),
        () => undefined,
      );
    }
    if (isPageCommand(message)) return handlePageCommand(message, sender, commandDeps);
    return undefined;
  });
});

/** Firefox alone has runtime.getBrowserInfo; it injects content scripts into open tabs itself. */
function isFirefox(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}
