import type { Task } from '../lib/event';
import type { Aggregate } from '../lib/footprint';
// Straight from the module, not the index: the popup must not bundle the validation scenarios.
import { ALTERNATIVE_FOR_TASK, ALTERNATIVES } from '../lib/footprint/alternatives';
import { simplerToolsRatio } from '../lib/views/groups';
import { labelKey } from '../lib/views/i18n';
import { useWords } from './words';

/**
 * The heart of Frugal: what this period's prompts cost with AI, next to what
 * the simplest tool for each task would have cost (a web search for a
 * look-up, a small local model for code…), and how many times more that is.
 * Bars are linear: the shorter one is the simpler tools' share of the longer.
 */
export function SimplerTools({ total, headingLevel = 2 }: { total: Aggregate; headingLevel?: 2 | 3 }) {
  const { t, format } = useWords();
  const ai = total.total.energyWh.central;
  const simpler = total.alternatives.energyWh.central;
  const ratio = simplerToolsRatio(total);
  const longest = Math.max(ai, simpler);
  const width = (value: number) => `${longest > 0 ? Math.max(1, Math.round((value / longest) * 100)) : 0}%`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="card stack simpler-tools" data-testid="simpler-tools">
      <Heading>{t('simpler.title')}</Heading>
      <p class="muted small">{t('simpler.intro', total.prompts, [format.count(total.prompts)])}</p>
      <div class="compare">
        <span>{t('simpler.ai')}</span>
        <span class="track" aria-hidden="true">
          <span class="fill ai" style={{ width: width(ai) }} />
        </span>
        <span class="number" data-testid="ai-energy">{format.amount('energy', ai)}</span>
        <span>{t('simpler.tools')}</span>
        <span class="track" aria-hidden="true">
          <span class="fill simpler" style={{ width: width(simpler) }} />
        </span>
        <span class="number" data-testid="simpler-energy">{format.amount('energy', simpler)}</span>
      </div>
      <p class="ratio" data-testid="ratio" data-ratio={ratio ?? ''}>
        {ratio !== null && ratio > 1 ? t('simpler.ratio', { ratio: format.times(ratio) }) : t('simpler.ratioLess')}
      </p>
      <ul class="small">
        {total.byTask.map((row) => (
          <li key={row.id}>
            {t('simpler.row', {
              task: t(`task.${row.id as Task}`),
              prompts: format.count(row.prompts),
              tool: t(labelKey(ALTERNATIVES[ALTERNATIVE_FOR_TASK[row.id as Task]].labelKey)),
            })}
          </li>
        ))}
      </ul>
      <p class="muted small">{t('simpler.caveat')}</p>
    </section>
  );
}
