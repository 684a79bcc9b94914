import type { Breakdown } from '../lib/footprint';
import { useWords } from './words';

interface Props {
  title: string;
  rows: readonly Breakdown[];
  /** The display name of a row (site names, model names, task names). */
  nameOf: (row: Breakdown) => string;
  /** How many rows to show before "and N more". */
  limit?: number;
}

/** Largest first: each row's prompts and energy, with a bar for its share of the energy. */
export function ShareList({ title, rows, nameOf, limit = 4 }: Props) {
  const { t, format } = useWords();
  const total = rows.reduce((sum, row) => sum + row.footprint.energyWh.central, 0);
  const shown = rows.slice(0, limit);
  return (
    <section class="stack">
      <h2>{title}</h2>
      <ul class="shares">
        {shown.map((row) => {
          const share = total > 0 ? row.footprint.energyWh.central / total : 0;
          return (
            <li key={row.id} data-id={row.id}>
              <span>{nameOf(row)}</span>
              <span class="muted small">
                {t('common.prompts', row.prompts, [format.count(row.prompts)])} · {format.amount('energy', row.footprint.energyWh.central)}
              </span>
              <span class="share-bar" aria-hidden="true">
                <span style={{ width: `${Math.round(share * 100)}%` }} />
              </span>
            </li>
          );
        })}
      </ul>
      {rows.length > limit && <p class="muted small">{t('popup.more', { count: format.count(rows.length - limit) })}</p>}
    </section>
  );
}
