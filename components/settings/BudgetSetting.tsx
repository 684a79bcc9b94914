import { useState } from 'preact/hooks';
import { type Budget, budgetAmount, MAX_BUDGET } from '../../lib/settings';
import { useWords } from '../words';

type Unit = Budget['unit'] | 'none';

/**
 * An optional weekly limit in prompts (a whole number) or grams of CO2e (decimals allowed);
 * saved as soon as the number is valid, else an inline error says what is expected.
 */
export function BudgetSetting({ budget, onChange }: { budget: Budget | null; onChange: (budget: Budget | null) => void }) {
  const { t, format } = useWords();
  const [unit, setUnit] = useState<Unit>(budget?.unit ?? 'none');
  const [amount, setAmount] = useState(budget ? String(budget.perWeek) : '');
  const valid = unit === 'none' || budgetAmount(unit, amount) !== null;
  const save = (nextUnit: Unit, nextAmount: string) => {
    if (nextUnit === 'none') {
      onChange(null);
      return;
    }
    const perWeek = budgetAmount(nextUnit, nextAmount);
    if (perWeek !== null) onChange({ unit: nextUnit, perWeek });
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
            min={unit === 'prompts' ? '1' : '0'}
            max={MAX_BUDGET}
            step={unit === 'prompts' ? '1' : 'any'}
            inputMode={unit === 'prompts' ? 'numeric' : 'decimal'}
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
          {t(unit === 'prompts' ? 'settings.budgetInvalidPrompts' : 'settings.budgetInvalidCo2', { max: format.count(MAX_BUDGET) })}
        </p>
      )}
    </fieldset>
  );
}
