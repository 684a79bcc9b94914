import type { WeekPoint } from '../lib/views/history';
import { useWords } from './words';

/** A week's slot: at least this wide; wider when few weeks must fill the chart. */
const MIN_SLOT = 11;
const GAP = 3;
const HEIGHT = 170;
const TOP = 14;
const AXIS = 20;
const MIN_WIDTH = 1000;
/** Month labels closer than this to the previous one are left out (they would overlap). */
const LABEL_GAP = 64;

/**
 * Every week of the history: a bar for the AI's central energy estimate and
 * a line for what the simpler tools would have used. Long histories scroll
 * sideways (the newest week is in view). The same values are in a table
 * anyone can open, which is also what screen readers read.
 */
export function WeekTimeline({ weeks }: { weeks: readonly WeekPoint[] }) {
  const { t, format } = useWords();
  const max = Math.max(...weeks.map((week) => week.footprint.energyWh.central), 0);
  const slot = Math.max(MIN_SLOT, Math.min(40, (MIN_WIDTH - 40) / Math.max(1, weeks.length)));
  const bar = slot - GAP;
  const width = Math.max(MIN_WIDTH, weeks.length * slot + 40);
  const plot = HEIGHT - AXIS - TOP;
  const y = (value: number) => TOP + plot - (max > 0 ? (value / max) * plot : 0);
  const x = (index: number) => 32 + index * slot;
  const simplerPoints = weeks.map((week, index) => `${x(index) + bar / 2},${y(week.simpler.energyWh.central)}`).join(' ');
  let lastMonth = '';
  let lastLabelX = -Infinity;
  return (
    <figure class="card chart timeline" aria-labelledby="timeline-title">
      <h3 id="timeline-title">{t('dashboard.timelineTitle')}</h3>
      <p class="muted small">{t('dashboard.timelineDesc')}</p>
      <p class="row small legend" aria-hidden="true">
        <span class="swatch ai" /> {t('dashboard.timelineLegendAi')} <span class="swatch simpler" /> {t('dashboard.timelineLegendSimpler')}
      </p>
      <div
        class="scroll"
        tabIndex={0}
        role="region"
        aria-label={t('dashboard.timelineTitle')}
        ref={(element) => {
          if (element) element.scrollLeft = element.scrollWidth;
        }}
      >
        <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} aria-hidden="true" focusable="false">
          <text class="axis" x="0" y={TOP - 2}>
            {format.amount('energy', max)}
          </text>
          {weeks.map((week, index) => {
            const top = y(week.footprint.energyWh.central);
            const month = format.month(week.start);
            const label = month !== lastMonth && x(index) - lastLabelX >= LABEL_GAP;
            if (month !== lastMonth && label) lastLabelX = x(index);
            lastMonth = month;
            return (
              <g key={week.start}>
                <rect class="bar" x={x(index)} y={top} width={bar} height={TOP + plot - top} rx="2" />
                {label && (
                  <text class="axis" x={x(index)} y={HEIGHT - 4}>
                    {month}
                  </text>
                )}
              </g>
            );
          })}
          <polyline class="simpler" points={simplerPoints} />
        </svg>
      </div>
      <details>
        <summary>{t('dashboard.timelineTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.columns.when')}</th>
              <th scope="col" class="number">{t('dashboard.columns.prompts')}</th>
              <th scope="col" class="number">{t('dashboard.columns.energy')}</th>
              <th scope="col" class="number">{t('dashboard.columns.simpler')}</th>
            </tr>
          </thead>
          <tbody>
            {[...weeks].reverse().map((week) => (
              <tr key={week.start}>
                <th scope="row">{t('dashboard.timelineWeek', { date: format.date(week.start) })}</th>
                <td class="number">{format.count(week.prompts)}</td>
                <td class="number">{format.amount('energy', week.footprint.energyWh.central)}</td>
                <td class="number">{format.amount('energy', week.simpler.energyWh.central)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
