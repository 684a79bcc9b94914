import { siteName } from '../lib/sites/hosts';
import type { WeekBySite as Week } from '../lib/views/week';

interface Props {
  /** null when the history could not be read. */
  week: Week | null;
  locale: string;
}

export function WeekBySite({ week, locale }: Props) {
  if (!week) {
    return (
      <main>
        <h1>Frugal</h1>
        <p role="alert">Your history cannot be read: browser storage is unavailable.</p>
      </main>
    );
  }
  const since = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(week.start);
  return (
    <main>
      <h1>Frugal</h1>
      <p>
        This week (since {since}): <strong data-testid="week-total">{week.total}</strong>{' '}
        {week.total === 1 ? 'prompt' : 'prompts'}
      </p>
      {week.sites.length > 0 && (
        <table>
          <caption>Prompts by site</caption>
          <tbody>
            {week.sites.map(({ site, prompts }) => (
              <tr key={site} data-site={site}>
                <th scope="row">{siteName(site)}</th>
                <td>{prompts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
