import type { SiteId } from '../lib/event';
import { siteName } from '../lib/sites/hosts';
import { useWords } from './words';

/** Sites whose page changed so that Frugal may be missing prompts there: silence would look like "no use". */
export function HealthWarning({ sites }: { sites: readonly SiteId[] }) {
  const { t, locale } = useWords();
  if (sites.length === 0) return null;
  const names = new Intl.ListFormat(locale, { type: 'conjunction' }).format(sites.map(siteName));
  return (
    <p class="warning" data-testid="health-warning">
      {t('health.needsUpdate', { sites: names })}
    </p>
  );
}
