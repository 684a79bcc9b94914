import type { Range } from '../lib/footprint/range';
import type { Quantity } from '../lib/views/format';
import { RangeBar } from './RangeBar';
import { useWords } from './words';

interface Props {
  quantity: Quantity;
  value: Range;
}

const TITLE = { energy: 'common.energy', co2: 'common.co2', water: 'common.water' } as const;
const HELP = { energy: 'quantity.energyHelp', co2: 'quantity.co2Help', water: 'quantity.waterHelp' } as const;

/** One quantity of a footprint: the central estimate large, its bounds small, and their shape. */
export function MetricCard({ quantity, value }: Props) {
  const { t, format } = useWords();
  const unit = quantity === 'co2' ? ` ${t('common.co2Unit')}` : '';
  return (
    <div class="metric" data-quantity={quantity}>
      <h3>{t(TITLE[quantity])}</h3>
      <p class="central" data-central={value.central}>
        {format.amount(quantity, value.central)}
        {unit && <span class="unit">{unit}</span>}
      </p>
      <p class="range">{t('common.range', { range: format.range(quantity, value) })}</p>
      <RangeBar range={value} />
      <p class="help">{t(HELP[quantity])}</p>
    </div>
  );
}
