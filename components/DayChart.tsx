import type { DayTotal } from '../lib/views/popup';
import { useWords } from './words';

const WIDTH = 280;
const HEIGHT = 96;
const AXIS = 16;
const GAP = 8;

/**
 * The week day by day: a bar per day for the central energy estimate, days
 * still to come drawn as empty outlines, today's label in bold. The drawing
 * is hidden from screen readers, which read the same values as a list.
 */
export function DayChart({ days, today }: { days: readonly DayTotal[]; today: number }) {
  const { t, format } = useWords();
  const max = Math.max(...days.map((day) => day.footprint.energyWh.central), 0);
  const slot = WIDTH / days.length;
  const plot = HEIGHT - AXIS;
  return (
    <figure class="chart" aria-labelledby="day-chart-title">
      <h2 id="day-chart-title">{t('popup.chartTitle')}</h2>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        {days.map((day, index) => {
          const energy = day.footprint.energyWh.central;
          const height = day.past && max > 0 ? Math.max(energy > 0 ? 2 : 0, (energy / max) * (plot - 4)) : plot - 4;
          const x = index * slot + GAP / 2;
          return (
            <g key={day.start}>
              <rect
                class={day.past ? 'bar' : 'bar future'}
                x={x}
                y={plot - height}
                width={slot - GAP}
                height={height}
                rx="3"
              />
              <text class={day.start === today ? 'axis today' : 'axis'} x={x + (slot - GAP) / 2} y={HEIGHT - 3} text-anchor="middle">
                {format.weekdayNarrow(day.start)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul class="sr-only">
        {days.map((day) => (
          <li key={day.start}>
            {day.past
              ? t('popup.chartDay', {
                  day: format.weekdayLong(day.start),
                  prompts: t('common.prompts', day.prompts, [format.count(day.prompts)]),
                  energy: format.amount('energy', day.footprint.energyWh.central),
                })
              : t('popup.chartFuture', { day: format.weekdayLong(day.start) })}
          </li>
        ))}
      </ul>
    </figure>
  );
}
