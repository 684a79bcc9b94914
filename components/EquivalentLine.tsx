import type { Footprint } from '../lib/footprint';
import { pickEquivalent } from '../lib/views/equivalent';
import { labelKey } from '../lib/views/i18n';
import { useWords } from './words';

/** One everyday quantity the footprint amounts to, with two significant digits like every estimate. */
export function EquivalentLine({ footprint }: { footprint: Footprint }) {
  const { t, format } = useWords();
  const pick = pickEquivalent(footprint);
  if (!pick) return null;
  const shown = Number(pick.count.central.toPrecision(2));
  const what = t(labelKey(pick.equivalent.labelKey) as 'equivalent.shower', shown, [format.number(shown)]);
  return (
    <p class="equivalent" data-equivalent={pick.equivalent.id}>
      {t(`equivalent.${pick.equivalent.basis}`, { what })}
    </p>
  );
}
