import { LANGUAGES, type Language } from '../../lib/settings';
import { useWords } from '../words';

const LABEL = { auto: 'settings.languageAuto', en: 'settings.languageEn', es: 'settings.languageEs' } as const;

/** The language of Frugal's pages: the browser's, or one chosen here. Each language names itself. */
export function LanguageSetting({ language, onChange }: { language: Language; onChange: (language: Language) => void }) {
  const { t } = useWords();
  return (
    <fieldset class="stack" data-testid="language-setting">
      <legend>{t('settings.languageTitle')}</legend>
      <select
        aria-label={t('settings.languageTitle')}
        value={language} onChange={(change) => onChange((change.currentTarget as HTMLSelectElement).value as Language)}>
        {LANGUAGES.map((choice) => (
          <option key={choice} value={choice} lang={choice === 'auto' ? undefined : choice}>
            {t(LABEL[choice])}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
