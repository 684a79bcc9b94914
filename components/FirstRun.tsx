import type { SiteId } from '../lib/event';
import { siteName } from '../lib/sites/hosts';
import type { SiteState } from '../lib/views/site-access';
import { useWords } from './words';

/**
 * Before the first prompt: which sites are watched, what is stored (never
 * text), and how to pause. Sites the browser has not allowed are named, so
 * an empty history is never mistaken for "Frugal works but you used nothing".
 */
export function FirstRun({ sites }: { sites: ReadonlyMap<SiteId, SiteState> }) {
  const { t, locale } = useWords();
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const watched = [...sites].filter(([, state]) => state === 'on').map(([site]) => site);
  const notAllowed = [...sites].filter(([, state]) => state === 'no-access').map(([site]) => site);
  return (
    <div class="stack first-run" data-testid="first-run">
      <p>{t('firstRun.welcome')}</p>
      <section class="card stack">
        <h2>{t('firstRun.watchedTitle')}</h2>
        <ul class="sites" data-testid="watched-sites">
          {watched.map((site) => (
            <li key={site} data-site={site}>
              {siteName(site)}
            </li>
          ))}
        </ul>
        {notAllowed.length > 0 && <p class="warning small">{t('firstRun.notAllowed', { sites: list.format(notAllowed.map(siteName)) })}</p>}
      </section>
      <section class="card stack">
        <h2>{t('firstRun.storedTitle')}</h2>
        <p>{t('firstRun.stored')}</p>
      </section>
      <section class="card stack">
        <h2>{t('firstRun.pauseTitle')}</h2>
        <p>{t('firstRun.pause')}</p>
      </section>
      <p class="muted">{t('firstRun.start')}</p>
    </div>
  );
}
