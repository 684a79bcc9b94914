import type { Breakdown } from '../lib/footprint';
import { useWords } from './words';

interface Props {
  caption: string;
  /** Header of the name column ("Site", "Model", "Task"). */
  nameHeader: string;
  rows: readonly Breakdown[];
  nameOf: (row: Breakdown) => string;
  testId?: string;
}

/** A breakdown of a period: prompts, energy with its range, CO2e, water, and the simpler tools' energy. */
export function BreakdownTable({ caption, nameHeader, rows, nameOf, testId }: Props) {
  const { t, format } = useWords();
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col" class="number">{t('dashboard.columns.prompts')}</th>
            <th scope="col" class="number">{t('dashboard.columns.energy')}</th>
            <th scope="col" class="number">{t('dashboard.columns.range')}</th>
            <th scope="col" class="number">{t('dashboard.columns.co2')}</th>
            <th scope="col" class="number">{t('dashboard.columns.water')}</th>
            <th scope="col" class="number">{t('dashboard.columns.simpler')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-id={row.id}>
              <th scope="row">{nameOf(row)}</th>
              <td class="number">{format.count(row.prompts)}</td>
              <td class="number" data-central={row.footprint.energyWh.central}>
                {format.amount('energy', row.footprint.energyWh.central)}
              </td>
              <td class="number muted">{format.range('energy', row.footprint.energyWh)}</td>
              <td class="number">{format.amount('co2', row.footprint.co2g.central)}</td>
              <td class="number">{format.amount('water', row.footprint.waterMl.total.central)}</td>
              <td class="number">{format.amount('energy', row.alternatives.energyWh.central)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
