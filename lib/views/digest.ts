import type { WeeklySummary } from '../background/summary';
import { createFormat } from './format';
import type { Translator } from './i18n';

/** The words of the weekly digest, for the popup card and the notification alike. */
export function digestParts(summary: WeeklySummary, { t, locale }: Translator) {
  const format = createFormat(locale);
  return {
    prompts: t('common.prompts', summary.prompts, [format.count(summary.prompts)]),
    energy: format.amount('energy', summary.energyWh.central),
    co2: `${format.amount('co2', summary.co2g.central)} ${t('common.co2Unit')}`,
    simpler: format.amount('energy', summary.simplerEnergyWh.central),
  };
}
