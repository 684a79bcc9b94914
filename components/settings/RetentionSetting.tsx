import { RETENTION_DAYS, type RetentionDays } from '../../lib/settings';
import { useWords } from '../words';

/** How long history is kept; a shorter period is confirmed by the page before anything is deleted. */
export function RetentionSetting({ days, onChange }: { days: RetentionDays; onChange: (days: RetentionDays) => void }) {
  const { t, format } = useWords();
  return (
    <fieldset class="stack" data-testid="retention-setting">
      <legend>{t('settings.retentionTitle')}</legend>
      <select
        aria-label={t('settings.retentionTitle')}
        value={days === null ? '' : String(days)}
        onChange={(change) => {
          const value = (change.currentTarget as HTMLSelectElement).value;
          onChange(value === '' ? null : (Number(value) as RetentionDays));
        }}
      >
        <option value="">{t('settings.retentionForever')}</option>
        {RETENTION_DAYS.map((choice) => (
          <option key={choice} value={String(choice)}>
            {t('settings.retentionDays', choice, [format.count(choice)])}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
