import { useState } from 'preact/hooks';
import { type Budget, MAX_BUDGET } from '../../lib/settings';
import { useWords } from '../words';

type Unit = Budget['unit'] | 'none';

/** An optional weekly limit in prompts or grams of CO2e; saved as soon as the number is valid. */
export function BudgetSetting({ budget, onChange }: { budget: Budget | null; onChange: (budget: Budget | null) => void }) {
  const { t } = useWords();
  const [unit, setUnit] = useState<Unit>(budget?.unit ?? 'none');
  const [amount, setAmount] = useState(budget ? String(budget.perWeek) : '');
  const value = Number(amount);
  const valid = amount !== '' && Number.isFinite(value) && value > 0 && value <= MAX_BUDGET;
  const save = (nextUnit: Unit, nextAmount: string) => {
    const number = Number(nextAmount);
    if (nextUnit === 'none') onChange(null);
    else if (nextAmount !== '' && Number.isFinite(number) && number > 0 && number <= MAX_BUDGET) onChange({ unit: nextUnit, perWeek: number });
  };
  const radio = (value: Unit, label: string) => (
    <label class="choice">
      <input
        type="radio"
        name="budget"
        value={value}
        checked={unit === value}
        onChange={() => {
          setUnit(value);
          save(value, amount);
        }}
      />
      {label}
    </label>
  );
  return (
    <fieldset class="stack" data-testid="budget-setting">
      <legend>{t('settings.budgetTitle')}</legend>
      <p class="muted small">{t('settings.budgetHelp')}</p>
      {radio('none', t('settings.budgetNone'))}
      {radio('prompts', t('settings.budgetPrompts'))}
      {radio('co2g', t('settings.budgetCo2'))}
      {unit !== 'none' && (
        <label class="row">
          <span>{t('settings.budgetAmount')}</span>
          <input
            type="number"
            min="1"
            max={MAX_BUDGET}
            step="1"
            inputMode="numeric"
            value={amount}
            aria-invalid={!valid}
            aria-describedby={valid ? undefined : 'budget-invalid'}
            onInput={(input) => {
              const next = (input.currentTarget as HTMLInputElement).value;
              setAmount(next);
              save(unit, next);
            }}
          />
        </label>
      )}
      {unit !== 'none' && !valid && (
        <p id="budget-invalid" class="warning small">
          {t('settings.budgetInvalid')}
        </p>
      )}
    </fieldset>
  );
}
