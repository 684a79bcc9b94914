import { useState } from 'preact/hooks';
import { GRID_REGIONS, type RegionCode } from '../../lib/footprint/grid';
import type { Settings } from '../../lib/settings';
import { labelKey } from '../../lib/views/i18n';
import { COUNTRIES, regionOfLocale } from '../../lib/views/region';
import { useWords } from '../words';

type Mode = 'provider' | 'country' | 'world';

/** Whose grid prices the electricity: each model's data centre (default), the user's country, or the world average. */
export function RegionSetting({ region, onChange }: { region: Settings['region']; onChange: (region: Settings['region']) => void }) {
  const { t, locale } = useWords();
  const mode: Mode = region === 'provider' ? 'provider' : region === 'WORLD' ? 'world' : 'country';
  const [country, setCountry] = useState<RegionCode>(mode === 'country' ? (region as RegionCode) : (regionOfLocale(locale) ?? 'USA'));
  const choose = (next: Mode) => onChange(next === 'provider' ? 'provider' : next === 'world' ? 'WORLD' : country);
  const radio = (value: Mode, label: string) => (
    <label class="choice">
      <input type="radio" name="region" value={value} checked={mode === value} onChange={() => choose(value)} />
      {label}
    </label>
  );
  return (
    <fieldset class="stack" data-testid="region-setting">
      <legend>{t('settings.regionTitle')}</legend>
      <p class="muted small">{t('settings.regionHelp')}</p>
      {radio('provider', t('settings.regionProvider'))}
      <div class="row">
        {radio('country', t('settings.regionCountry'))}
        <label>
          <span class="sr-only">{t('settings.regionCountryPick')}</span>
          <select
            value={country}
            disabled={mode !== 'country'}
            onChange={(change) => {
              const next = (change.currentTarget as HTMLSelectElement).value as RegionCode;
              setCountry(next);
              onChange(next);
            }}
          >
            {COUNTRIES.map((code) => (
              <option key={code} value={code}>
                {t(labelKey(GRID_REGIONS[code].labelKey))}
              </option>
            ))}
          </select>
        </label>
      </div>
      {radio('world', t('settings.regionWorld'))}
    </fieldset>
  );
}
