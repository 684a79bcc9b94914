import type { StoredEvent } from '../lib/event';
import type { EstimateOptions } from '../lib/footprint';
import { GRID_REGIONS } from '../lib/footprint/grid';
import type { Range } from '../lib/footprint/range';
import { METHOD_VERSION } from '../lib/footprint/version';
import { explainEvent } from '../lib/views/explain';
import { labelKey } from '../lib/views/i18n';
import { modelName } from '../lib/views/labels';
import { useWords } from './words';

/**
 * For one prompt: what was measured, which model row priced it and why, the
 * energy part by part (the parts add up to the total), how energy became CO2e
 * and water, and the sources of every number used.
 */
export function EventExplanation({ event, options }: { event: StoredEvent; options: EstimateOptions }) {
  const { t, format } = useWords();
  const explanation = explainEvent(event, options);
  const { estimate, text, media, hosting, grid } = explanation;
  const resolved = media ?? text!;
  const params = (range: Range) => (range.low === range.high ? format.number(range.central) : `${format.number(range.low)}–${format.number(range.high)}`);
  const total = estimate.energyWh;

  return (
    <section class="explanation stack" aria-labelledby={`explain-${event.id}`} data-testid="explanation">
      <h3 id={`explain-${event.id}`}>{t('explain.title')}</h3>

      <h4>{t('explain.measured')}</h4>
      <dl class="facts">
        <dt>{t('explain.tokensIn')}</dt>
        <dd>{format.count(event.inputTokens)}</dd>
        <dt>{t('explain.tokensOut')}</dt>
        <dd>{format.count(event.outputTokens)}</dd>
        <dt>{t('explain.tokensReasoning')}</dt>
        <dd>{format.count(event.reasoningTokens)}</dd>
        {event.images > 0 && (
          <>
            <dt>{t('explain.images')}</dt>
            <dd>{format.count(event.images)}</dd>
          </>
        )}
      </dl>
      <p class="muted small">
        {t('explain.chars', {
          input: format.count(event.inputChars),
          output: format.count(event.outputChars),
          reasoning: format.count(event.reasoningChars),
        })}{' '}
        {t('explain.tokenNote')}
      </p>

      <h4>{t('explain.model')}</h4>
      <p>
        <strong>{modelName(resolved.row, t)}</strong>.{' '}
        {event.model ? t('explain.modelReported', { id: event.model }) : t('explain.modelNotReported')}{' '}
        {t(labelKey(`explain.match.${resolved.match}`))}
      </p>
      {text && media === null && (
        <p>{t('explain.params', { active: params(text.params.active), total: params(text.params.total) })}</p>
      )}
      {media && <p>{t('explain.media', { wh: format.range('energy', media.whPerItem) })}</p>}
      <p>{t('explain.hosting', { region: t(labelKey(GRID_REGIONS[hosting.region].labelKey)), pue: params(hosting.pue) })}</p>

      <h4>{t('explain.terms')}</h4>
      <table class="terms">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.columns.name')}</th>
            <th scope="col" class="number">{t('dashboard.columns.energy')}</th>
            <th scope="col" class="number">{t('dashboard.columns.range')}</th>
          </tr>
        </thead>
        <tbody>
          {explanation.terms.map((term) => (
            <tr key={term.field} data-field={term.field}>
              <th scope="row">
                {t(`explain.term.${term.field}`)}
                {/* The hidden context is per prompt, and squared tokens mean nothing to a reader: no amount for either. */}
                {term.field !== 'count' && term.field !== 'inputTokensSq' && <span class="muted"> ({format.count(term.amount)})</span>}
              </th>
              <td class="number">{format.amount('energy', term.energyWh.central)}</td>
              <td class="number muted">{format.range('energy', term.energyWh)}</td>
            </tr>
          ))}
          <tr class="total">
            <th scope="row">{t('explain.total')}</th>
            <td class="number" data-central={total.central}>
              {format.amount('energy', total.central)}
            </td>
            <td class="number muted">{format.range('energy', total)}</td>
          </tr>
        </tbody>
      </table>

      <h4>{t('explain.formula')}</h4>
      <p>
        <code>{t('explain.formulaText')}</code>
      </p>
      <p>
        {t('explain.grid', {
          intensity: format.count(grid.gCo2PerKwh),
          region: t(labelKey(grid.labelKey)),
          water: format.number(grid.waterLitresPerKwh),
        })}{' '}
        {format.amount('co2', estimate.co2g.central)} {t('common.co2Unit')}, {format.amount('water', estimate.waterMl.total.central)}.
      </p>
      <p class="muted small">{t('explain.embodied', { co2: `${format.amount('co2', estimate.embodiedCo2g.central)} ${t('common.co2Unit')}` })}</p>

      <h4>{t('explain.sources')}</h4>
      <ul class="small">
        {explanation.sources.map(({ id, source }) => (
          <li key={id}>
            {source.url ? (
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                {source.title}
              </a>
            ) : (
              source.title
            )}
            {' — '}
            {source.author}, {source.year}
          </li>
        ))}
      </ul>
      <p class="muted small">{t('explain.method', { version: METHOD_VERSION })}</p>
    </section>
  );
}
