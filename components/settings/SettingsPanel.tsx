import type { SiteId } from '../../lib/event';
import type { RetentionDays, Settings } from '../../lib/settings';
import type { SiteState } from '../../lib/views/site-access';
import { useWords } from '../words';
import { BudgetSetting } from './BudgetSetting';
import { LanguageSetting } from './LanguageSetting';
import { RegionSetting } from './RegionSetting';
import { RetentionSetting } from './RetentionSetting';
import { SitesSetting } from './SitesSetting';

export interface SettingsPanelProps {
  settings: Settings;
  siteStates: ReadonlyMap<SiteId, SiteState>;
  deniedSite: SiteId | null;
  notificationDenied: boolean;
  onChange: (change: Partial<Settings>) => void;
  onToggleSite: (site: SiteId, on: boolean) => void;
  onRetention: (days: RetentionDays) => void;
  /** Called from the click itself: turning it on asks for the notifications permission. */
  onNotification: (on: boolean) => void;
}

/** Every setting, each saved as soon as it changes. */
export function SettingsPanel(props: SettingsPanelProps) {
  const { t } = useWords();
  const { settings, onChange } = props;
  return (
    <div class="settings stack">
      <fieldset class="stack" data-testid="pause-setting">
        <legend>{t('settings.pauseTitle')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.paused}
            onChange={(change) => {
              change.currentTarget.checked = settings.paused;
              onChange({ paused: !settings.paused });
            }}
          />
          {t('settings.pauseLabel')}
        </label>
        <p class="muted small">{t('settings.pauseHelp')}</p>
      </fieldset>
      <SitesSetting states={props.siteStates} onToggle={props.onToggleSite} denied={props.deniedSite} />
      <RegionSetting region={settings.region} onChange={(region) => onChange({ region })} />
      <BudgetSetting budget={settings.budget} onChange={(budget) => onChange({ budget })} />
      <fieldset class="stack" data-testid="summary-setting">
        <legend>{t('settings.summaryTitle')}</legend>
        <p class="muted small">{t('settings.summaryHelp')}</p>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.weeklyNotification}
            onChange={(change) => {
              // Shown checked only once saved: the browser may still ask, and the user may refuse.
              change.currentTarget.checked = settings.weeklyNotification;
              props.onNotification(!settings.weeklyNotification);
            }}
          />
          {t('settings.summaryNotify')}
        </label>
        {props.notificationDenied && (
          <p class="warning small" role="status">
            {t('settings.summaryDenied')}
          </p>
        )}
      </fieldset>
      <RetentionSetting days={settings.retentionDays} onChange={props.onRetention} />
      <LanguageSetting language={settings.language} onChange={(language) => onChange({ language })} />
    </div>
  );
}
