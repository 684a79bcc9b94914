import { digestParts } from '../lib/views/digest';
import type { WeeklySummary } from '../lib/background/summary';
import { useWords } from './words';

/** Last week in two sentences, shown once when a new week has started. */
export function WeeklyDigest({ summary }: { summary: WeeklySummary }) {
  const words = useWords();
  const { t, format } = words;
  const change = summary.previousPrompts > 0 ? (summary.prompts - summary.previousPrompts) / summary.previousPrompts : null;
  return (
    <section class="card stack" data-testid="weekly-digest">
      <h2>{t('digest.title')}</h2>
      <p>{t('digest.body', digestParts(summary, words))}</p>
      {change !== null && change !== 0 && <p class="muted small">{t('digest.change', { change: format.change(change) })}</p>}
    </section>
  );
}
