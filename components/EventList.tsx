import { useEffect, useState } from 'preact/hooks';
import { KINDS, SITE_IDS, type SiteId, STATUSES, type StoredEvent, TASKS } from '../lib/event';
import type { EstimateOptions } from '../lib/footprint';
import { estimateEvent } from '../lib/footprint/estimate';
import { siteName } from '../lib/sites/hosts';
import { dayStart, addDays } from '../lib/time';
import type { EventCursor, EventFilter, EventPage } from '../lib/views/events';
import { modelName } from '../lib/views/labels';
import { ConfirmDialog } from './ConfirmDialog';
import { EventExplanation } from './EventExplanation';
import { useWords } from './words';

interface Props {
  /** Reads a page of prompts (lib/views/events.ts). */
  load: (filter: EventFilter, after: EventCursor | null) => Promise<EventPage>;
  /** Asks to delete one prompt; resolves true when it was deleted. */
  onDelete: (event: StoredEvent) => Promise<boolean>;
  options: EstimateOptions;
  /** Sites that appear in the history, for the site filter. */
  sites: readonly SiteId[];
}

type Choice<T extends string> = T | '';

/**
 * Every recorded prompt, newest first, filterable. There is no text to show
 * (none is stored): each row is the prompt's measurements and estimate, with
 * how that estimate was computed one click away.
 */
export function EventList({ load, onDelete, options, sites }: Props) {
  const { t, format } = useWords();
  const [site, setSite] = useState<Choice<SiteId>>('');
  const [task, setTask] = useState<Choice<(typeof TASKS)[number]>>('');
  const [kind, setKind] = useState<Choice<(typeof KINDS)[number]>>('');
  const [status, setStatus] = useState<Choice<(typeof STATUSES)[number]>>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [events, setEvents] = useState<StoredEvent[]>([]);
  const [next, setNext] = useState<EventCursor | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState<StoredEvent | null>(null);

  const filter: EventFilter = {
    ...(site ? { site } : {}),
    ...(task ? { task } : {}),
    ...(kind ? { kind } : {}),
    ...(status ? { status } : {}),
    ...(from ? { from: dayStart(from) } : {}),
    ...(to ? { to: addDays(dayStart(to), 1) } : {}),
  };
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    let current = true;
    void load(filter, null).then((page) => {
      if (!current) return;
      setEvents(page.events);
      setNext(page.next);
    });
    return () => {
      current = false;
    };
  }, [filterKey, load]);

  const more = async () => {
    const page = await load(filter, next);
    setEvents([...events, ...page.events]);
    setNext(page.next);
  };

  const remove = async (event: StoredEvent) => {
    setConfirming(null);
    if (!(await onDelete(event))) return;
    setEvents(events.filter((entry) => entry.id !== event.id));
    setMessage(t('events.deleted'));
  };

  const select = <T extends string>(label: string, value: T | '', set: (value: T | '') => void, choices: readonly T[], all: string, name: (value: T) => string) => (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(change) => set((change.currentTarget as HTMLSelectElement).value as T | '')}>
        <option value="">{all}</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {name(choice)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div class="stack event-list">
      <fieldset class="filters row">
        <legend>{t('events.filters')}</legend>
        {select(t('dashboard.columns.site'), site, setSite, SITE_IDS.filter((id) => sites.includes(id)), t('events.allSites'), siteName)}
        {select(t('dashboard.columns.task'), task, setTask, TASKS, t('events.allTasks'), (value) => t(`task.${value}`))}
        {select(t('events.kindLabel'), kind, setKind, KINDS, t('events.allKinds'), (value) => t(`kind.${value}`))}
        {select(t('events.statusLabel'), status, setStatus, STATUSES, t('events.allStatuses'), (value) => t(`status.${value}`))}
        <label>
          <span>{t('events.from')}</span>
          <input type="date" value={from} onChange={(change) => setFrom((change.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          <span>{t('events.to')}</span>
          <input type="date" value={to} onChange={(change) => setTo((change.currentTarget as HTMLInputElement).value)} />
        </label>
      </fieldset>
      <p class="muted small" role="status">
        {message || (events.length > 0 ? t('events.count', { shown: format.count(events.length) }) : t('events.none'))}
      </p>
      {events.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('dashboard.sections.prompts')}>
          <table data-testid="event-table">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.columns.when')}</th>
                <th scope="col">{t('dashboard.columns.site')}</th>
                <th scope="col">{t('dashboard.columns.model')}</th>
                <th scope="col">{t('dashboard.columns.task')}</th>
                <th scope="col" class="number">{t('dashboard.columns.tokens')}</th>
                <th scope="col" class="number">{t('dashboard.columns.energy')}</th>
                <th scope="col">{t('dashboard.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => {
                const estimate = estimateEvent(event, options);
                const row = estimate.resolved.media?.row ?? estimate.resolved.text!.row;
                const when = format.dateTime(event.at);
                const detailsId = `details-${event.id}`;
                const isOpen = open === event.id;
                return [
                  <tr key={event.id} data-id={event.id}>
                    <th scope="row">{when}</th>
                    <td>{siteName(event.site)}</td>
                    <td>{modelName(row, t)}</td>
                    <td>{t(`task.${event.task}`)}</td>
                    <td class="number">
                      {format.count(event.inputTokens)} / {format.count(event.outputTokens)} / {format.count(event.reasoningTokens)}
                    </td>
                    <td class="number" data-central={estimate.energyWh.central}>
                      {format.amount('energy', estimate.energyWh.central)}
                    </td>
                    <td class="row actions">
                      <button
                        type="button"
                        class="link"
                        aria-expanded={isOpen}
                        aria-controls={detailsId}
                        onClick={() => setOpen(isOpen ? null : event.id)}
                      >
                        {isOpen ? t('events.hideDetails') : t('events.details')}
                      </button>
                      <button
                        type="button"
                        class="danger"
                        aria-label={`${t('events.deleteOne')}: ${t('events.row', { site: siteName(event.site), when })}`}
                        onClick={() => setConfirming(event)}
                      >
                        {t('events.deleteOne')}
                      </button>
                    </td>
                  </tr>,
                  isOpen && (
                    <tr key={detailsId} id={detailsId} class="details">
                      <td colSpan={7}>
                        <EventExplanation event={event} options={options} />
                      </td>
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" onClick={() => void more()}>
          {t('events.more')}
        </button>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t('events.deleteOne')}
        confirmLabel={t('events.deleteOne')}
        onConfirm={() => confirming && void remove(confirming)}
        onCancel={() => setConfirming(null)}
      >
        {confirming && <p>{t('events.deleteOneConfirm', { when: format.dateTime(confirming.at), site: siteName(confirming.site) })}</p>}
      </ConfirmDialog>
    </div>
  );
}
