import type { SiteId } from '../../lib/event';
import { siteName } from '../../lib/sites/hosts';
import type { SiteState } from '../../lib/views/site-access';
import { useWords } from '../words';

interface Props {
  states: ReadonlyMap<SiteId, SiteState>;
  /** Called from the click itself: turning a site on asks the browser for access, which needs the gesture. */
  onToggle: (site: SiteId, on: boolean) => void;
  /** A site whose access request was just refused. */
  denied: SiteId | null;
}

/** One switch per watched site, with what the browser actually allows written next to it. */
export function SitesSetting({ states, onToggle, denied }: Props) {
  const { t } = useWords();
  const note = (state: SiteState): string | null => {
    if (state === 'no-access') return t('settings.siteNoAccess');
    if (state === 'off-kept') return t('settings.siteKept');
    return null;
  };
  return (
    <fieldset class="stack" data-testid="sites-setting">
      <legend>{t('settings.sitesTitle')}</legend>
      <p class="muted small">{t('settings.sitesHelp')}</p>
      <ul class="site-switches">
        {[...states].map(([site, state]) => {
          const noteText = note(state);
          return (
            <li key={site} data-site={site} data-state={state}>
              <label class="choice">
                <input
                  type="checkbox"
                  checked={state === 'on'}
                  onChange={(change) => {
                    // Shown as the browser's answer, not the click: access may be refused.
                    change.currentTarget.checked = state === 'on';
                    onToggle(site, state !== 'on');
                  }}
                />
                {siteName(site)}
              </label>
              {noteText && <p class="muted small">{noteText}</p>}
              {denied === site && (
                <p class="warning small" role="status">
                  {t('settings.siteDenied')}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
