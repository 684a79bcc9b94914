import type { Aggregate } from '../lib/footprint';
import type { Budget } from '../lib/settings';
import { useWords } from './words';

/** The week so far against the user's own frugal budget (prompts or grams of CO2e, central estimate). */
export function BudgetProgress({ budget, week }: { budget: Budget; week: Aggregate }) {
  const { t, format } = useWords();
  const used = budget.unit === 'prompts' ? week.prompts : week.total.co2g.central;
  // Grams carry their unit as everywhere else ("12 g CO₂e"); the prompts line names its unit itself.
  const show = (value: number) =>
    budget.unit === 'prompts' ? format.count(value) : `${format.amount('co2', value)} ${t('common.co2Unit')}`;
  const over = used - budget.perWeek;
  return (
    <section class="card stack" data-testid="budget">
      <h2 id="budget-title">{t('budget.title')}</h2>
      <p>
        {t(budget.unit === 'prompts' ? 'budget.prompts' : 'budget.co2g', { used: show(used), budget: show(budget.perWeek) })}
      </p>
      <progress aria-labelledby="budget-title" max={budget.perWeek} value={Math.min(used, budget.perWeek)} />
      <p class={over > 0 ? 'warning small' : 'muted small'}>
        {over > 0 ? t('budget.over', { over: show(over) }) : t('budget.left', { left: show(-over) })}
      </p>
    </section>
  );
}
