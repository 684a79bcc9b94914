// @vitest-environment happy-dom
import type { ComponentChild } from 'preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../../lib/event';
import { aggregate } from '../../lib/footprint';
import { sumsOf } from '../../lib/event';
import { range } from '../../lib/footprint/range';
import { addDays } from '../../lib/time';
import type { EventCursor, EventFilter, EventPage } from '../../lib/views/events';
import { createFormat } from '../../lib/views/format';
import { loadPopupView } from '../../lib/views/popup';
import { sampleHistory } from '../../lib/views/__tests__/sample-history';
import { testTranslator } from '../../lib/views/__tests__/translators';
import { BudgetProgress } from '../BudgetProgress';
import { DayChart } from '../DayChart';
import { EventList } from '../EventList';
import { Markdown } from '../Markdown';
import { centralPosition } from '../RangeBar';
import { BudgetSetting } from '../settings/BudgetSetting';
import { SettingsPanel, type SettingsPanelProps } from '../settings/SettingsPanel';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { SimplerTools } from '../SimplerTools';
import { provideWords } from '../words';

const NOW = new Date(2026, 10, 26, 15).getTime();
const events = sampleHistory({ now: NOW, days: 21 });
const weekOf = (list: readonly StoredEvent[]) => aggregate(list.map((event) => ({ key: event, sums: sumsOf(event) })));

async function mount(node: ComponentChild): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(() => render(node, root));
  return root;
}

const textOf = (element: Element | null) => (element?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');

beforeEach(async () => {
  provideWords({ ...(await testTranslator('en')), format: createFormat('en-US') });
});

describe('RangeBar', () => {
  it('places the central value on a log scale between the bounds', () => {
    expect(centralPosition(range(1, 10, 100))).toBeCloseTo(0.5);
    expect(centralPosition(range(1, 1, 100))).toBe(0);
    expect(centralPosition(range(0, 0, 0))).toBe(0.5);
  });
});

describe('SimplerTools', () => {
  it('gives the ratio and, per task, the simpler tool', async () => {
    const total = weekOf(events);
    const root = await mount(<SimplerTools total={total} />);
    const ratio = total.total.energyWh.central / total.alternatives.energyWh.central;
    expect(textOf(root.querySelector('[data-testid="ratio"]'))).toBe(`${createFormat('en-US').times(ratio)} the energy of simpler tools`);
    const rows = [...root.querySelectorAll('ul li')].map(textOf);
    expect(rows).toHaveLength(total.byTask.length);
    const lookups = total.byTask.find((row) => row.id === 'lookup')!;
    expect(rows).toContain(`Look-up: ${lookups.prompts} → a web search`);
  });

  it('does not claim a gain when simpler tools would not have used less', async () => {
    const total = weekOf([]);
    const root = await mount(<SimplerTools total={total} />);
    expect(textOf(root.querySelector('[data-testid="ratio"]'))).toBe('Simpler tools would not have used less.');
  });
});

describe('BudgetProgress', () => {
  it('shows what is left, or by how much the budget is exceeded', async () => {
    const week = weekOf(events.slice(0, 30));
    let root = await mount(<BudgetProgress budget={{ unit: 'prompts', perWeek: 50 }} week={week} />);
    expect(textOf(root.querySelector('p'))).toBe('30 of 50 prompts this week');
    expect(textOf(root.querySelector('p:last-child'))).toBe('20 left.');
    expect(root.querySelector('progress')!.getAttribute('value')).toBe('30');
    root = await mount(<BudgetProgress budget={{ unit: 'prompts', perWeek: 20 }} week={week} />);
    expect(textOf(root.querySelector('p:last-child'))).toBe('Over budget by 10.');
    expect(root.querySelector('progress')!.getAttribute('value')).toBe('20');
  });

  it('gives a CO₂e budget in grams of CO₂e on every line, in both languages', async () => {
    const week = weekOf(events.slice(0, 30));
    const used = week.total.co2g.central;
    const format = createFormat('en-US');
    let root = await mount(<BudgetProgress budget={{ unit: 'co2g', perWeek: used + 40 }} week={week} />);
    const grams = (value: number) => format.amount('co2', value).replace(/\u00a0/g, ' ');
    const [line, left] = [...root.querySelectorAll('p')].map(textOf);
    expect(line).toBe(`${grams(used)} CO₂e of ${grams(used + 40)} CO₂e this week`);
    expect(left).toBe('40 g CO₂e left.');
    root = await mount(<BudgetProgress budget={{ unit: 'co2g', perWeek: used - 3 }} week={week} />);
    expect(textOf(root.querySelector('p:last-child'))).toBe('Over budget by 3 g CO₂e.');
    provideWords({ ...(await testTranslator('es')), format: createFormat('es-ES') });
    root = await mount(<BudgetProgress budget={{ unit: 'co2g', perWeek: used + 40 }} week={week} />);
    expect(textOf(root.querySelector('p:last-child'))).toBe('Quedan 40 g CO₂e.');
    expect(textOf(root.querySelector('p'))).toMatch(/^\S+ k?g CO₂e de \S+ k?g CO₂e esta semana$/);
  });
});

describe('DayChart', () => {
  it('reads each day out, days still to come as such', async () => {
    globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
    const { openFrugalDb } = await import('../../lib/store/db');
    const { storeEvents } = await import('../../lib/views/__tests__/sample-history');
    const db = await openFrugalDb();
    await storeEvents(db, events);
    const view = await loadPopupView(db, NOW, 'en-US', {});
    const root = await mount(<DayChart days={view.days} today={new Date(2026, 10, 26).getTime()} />);
    const spoken = [...root.querySelectorAll('.sr-only li')].map(textOf);
    expect(spoken).toHaveLength(7);
    expect(spoken[0]).toMatch(/^Sunday: \d+ prompts?, [\d.]+ k?Wh$/);
    expect(spoken[5]).toBe('Friday: still to come');
    expect(root.querySelectorAll('rect.bar.future')).toHaveLength(2);
    expect(textOf(root.querySelector('text.today'))).toBe('T');
  });
});

describe('EventList', () => {
  const newestFirst = [...events].sort((a, b) => b.at - a.at);

  function pager(size: number) {
    const calls: [EventFilter, EventCursor | null][] = [];
    const load = async (filter: EventFilter, after: EventCursor | null): Promise<EventPage> => {
      calls.push([filter, after]);
      const matching = newestFirst.filter((event) => !filter.site || event.site === filter.site);
      const start = after ? matching.findIndex((event) => event.id === after.id) + 1 : 0;
      const page = matching.slice(start, start + size);
      const last = page[page.length - 1];
      return { events: page, next: start + size < matching.length && last ? { at: last.at, id: last.id } : null };
    };
    return { load, calls };
  }

  it('pages newest first, filters, explains and deletes', async () => {
    const { load, calls } = pager(10);
    const onDelete = vi.fn(async () => true);
    const root = await mount(<EventList load={load} onDelete={onDelete} options={{}} sites={['chatgpt', 'claude']} />);
    await act(async () => undefined);
    expect([...root.querySelectorAll('tbody tr[data-id]')].map((row) => (row as HTMLElement).dataset.id)).toEqual(newestFirst.slice(0, 10).map((event) => event.id));

    await act(() => (root.querySelector('.event-list > button') as HTMLButtonElement).click());
    await act(async () => undefined);
    expect(root.querySelectorAll('tbody tr[data-id]')).toHaveLength(20);

    const siteFilter = root.querySelector('select') as HTMLSelectElement;
    siteFilter.value = 'claude';
    await act(() => {
      siteFilter.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => undefined);
    expect(calls[calls.length - 1]).toEqual([{ site: 'claude' }, null]);
    const claudeRows = [...root.querySelectorAll('tbody tr[data-id]')].map((row) => (row as HTMLElement).dataset.id);
    expect(claudeRows).toEqual(newestFirst.filter((event) => event.site === 'claude').slice(0, 10).map((event) => event.id));

    const first = root.querySelector('tbody tr[data-id]') as HTMLElement;
    const toggle = first.querySelector('button[aria-expanded]') as HTMLButtonElement;
    await act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector(`#${toggle.getAttribute('aria-controls')} [data-testid="explanation"]`)).not.toBeNull();

    await act(() => (first.querySelector('button.danger') as HTMLButtonElement).click());
    // Nothing is deleted before the question is answered.
    expect(onDelete).not.toHaveBeenCalled();
    expect(textOf(root.querySelector('dialog p'))).toMatch(/^Delete the record of this prompt \(.+, Claude\)\?$/);
    await act(() => (root.querySelector('dialog [data-testid="confirm"]') as HTMLButtonElement).click());
    await act(async () => undefined);
    expect(onDelete).toHaveBeenCalledWith(expect.objectContaining({ id: first.dataset.id }));
    expect(root.querySelector(`tr[data-id="${first.dataset.id}"]`)).toBeNull();
    expect(textOf(root.querySelector('[role="status"]'))).toBe('Prompt deleted.');
  });

  it('filters by dates, the end day included', async () => {
    const { load, calls } = pager(10);
    const root = await mount(<EventList load={load} onDelete={async () => true} options={{}} sites={[]} />);
    const [from, to] = root.querySelectorAll<HTMLInputElement>('input[type="date"]');
    from!.value = '2026-11-20';
    await act(() => {
      from!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    to!.value = '2026-11-21';
    await act(() => {
      to!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => undefined);
    expect(calls[calls.length - 1]![0]).toEqual({ from: new Date(2026, 10, 20).getTime(), to: addDays(new Date(2026, 10, 21).getTime(), 1) });
  });
});

describe('BudgetSetting', () => {
  it('saves only a valid weekly limit, and clears the budget with "none"', async () => {
    const onChange = vi.fn();
    const root = await mount(<BudgetSetting budget={null} onChange={onChange} />);
    const radio = (value: string) => root.querySelector(`input[value="${value}"]`) as HTMLInputElement;
    await act(() => radio('co2g').click());
    const amount = root.querySelector('input[type="number"]') as HTMLInputElement;
    for (const typed of ['0', '-5', 'abc', '40']) {
      amount.value = typed;
      await act(() => {
      amount.dispatchEvent(new Event('input', { bubbles: true }));
    });
    }
    expect(onChange.mock.calls).toEqual([[{ unit: 'co2g', perWeek: 40 }]]);
    await act(() => radio('none').click());
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  async function typeInto(root: HTMLElement, typed: string): Promise<void> {
    const amount = root.querySelector('input[type="number"]') as HTMLInputElement;
    amount.value = typed;
    await act(() => {
      amount.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('takes only a whole number of prompts, and says so next to the field', async () => {
    const onChange = vi.fn();
    const root = await mount(<BudgetSetting budget={{ unit: 'prompts', perWeek: 50 }} onChange={onChange} />);
    const amount = root.querySelector('input[type="number"]') as HTMLInputElement;
    expect(amount.getAttribute('step')).toBe('1');
    expect(root.querySelector('#budget-invalid')).toBeNull();
    for (const typed of ['2.5', '0.4', '1e-1']) {
      await typeInto(root, typed);
      expect(amount.getAttribute('aria-invalid')).toBe('true');
      expect(amount.getAttribute('aria-describedby')).toBe('budget-invalid');
      expect(textOf(root.querySelector('#budget-invalid'))).toBe('Enter a whole number of prompts, from 1 to 1,000,000.');
    }
    expect(onChange).not.toHaveBeenCalled();
    await typeInto(root, '3');
    expect(root.querySelector('#budget-invalid')).toBeNull();
    expect(onChange.mock.calls).toEqual([[{ unit: 'prompts', perWeek: 3 }]]);
    // A fraction typed for grams is refused once the unit becomes prompts.
    await act(() => (root.querySelector('input[value="co2g"]') as HTMLInputElement).click());
    await typeInto(root, '2.5');
    await act(() => (root.querySelector('input[value="prompts"]') as HTMLInputElement).click());
    expect(onChange.mock.calls.slice(1)).toEqual([[{ unit: 'co2g', perWeek: 3 }], [{ unit: 'co2g', perWeek: 2.5 }]]);
    expect(textOf(root.querySelector('#budget-invalid'))).toBe('Enter a whole number of prompts, from 1 to 1,000,000.');
  });

  it('keeps decimals in a CO₂e budget, and words the errors in Spanish too', async () => {
    provideWords({ ...(await testTranslator('es')), format: createFormat('es-ES') });
    const onChange = vi.fn();
    const root = await mount(<BudgetSetting budget={{ unit: 'co2g', perWeek: 40 }} onChange={onChange} />);
    expect((root.querySelector('input[type="number"]') as HTMLInputElement).getAttribute('step')).toBe('any');
    await typeInto(root, '12.5');
    expect(onChange).toHaveBeenLastCalledWith({ unit: 'co2g', perWeek: 12.5 });
    await typeInto(root, '0');
    expect(textOf(root.querySelector('#budget-invalid'))).toBe('Escribe un número de gramos mayor que cero, hasta 1.000.000.');
    await act(() => (root.querySelector('input[value="prompts"]') as HTMLInputElement).click());
    await typeInto(root, '7.5');
    expect(textOf(root.querySelector('#budget-invalid'))).toBe('Escribe un número entero de prompts, de 1 a 1.000.000.');
    expect(onChange.mock.calls).toEqual([[{ unit: 'co2g', perWeek: 12.5 }]]);
  });
});

describe('Markdown', () => {
  const source = ['# Title', '', '```', 'a = 1', '```', '', '| A | B |', '| --- | --- |', '| 1 | 2 |', '', '    b = 2', '', '| C |', '| --- |', '| 3 |'].join('\n');
  const labels = (root: HTMLElement) => [...root.querySelectorAll('[aria-label]')].map((box) => box.getAttribute('aria-label'));

  it('names its code and table boxes in the page language, each kind numbered from 1', async () => {
    expect(labels(await mount(<Markdown source={source} />))).toEqual(['Code block 1', 'Table 1', 'Code block 2', 'Table 2']);
    provideWords({ ...(await testTranslator('es')), format: createFormat('es-ES') });
    expect(labels(await mount(<Markdown source={source} />))).toEqual(['Bloque de código 1', 'Tabla 1', 'Bloque de código 2', 'Tabla 2']);
  });
});

describe('SettingsPanel switches', () => {
  function props(change: Partial<SettingsPanelProps> = {}): SettingsPanelProps {
    return {
      settings: { ...DEFAULT_SETTINGS, disabledSites: ['claude'] },
      siteStates: new Map([
        ['chatgpt', 'on'],
        ['claude', 'off'],
        ['gemini', 'off-kept'],
        ['poe', 'no-access'],
      ] as const),
      deniedSite: null,
      notificationDenied: false,
      onChange: vi.fn(),
      onToggleSite: vi.fn(),
      onRetention: vi.fn(),
      onNotification: vi.fn(),
      ...change,
    };
  }

  it('shows what the browser answered, not the click: a refused notification stays off', async () => {
    const first = props();
    let root = await mount(<SettingsPanel {...first} />);
    const notify = root.querySelector('[data-testid="summary-setting"] input') as HTMLInputElement;
    await act(() => notify.click());
    expect(first.onNotification).toHaveBeenCalledWith(true);
    expect(notify.checked).toBe(false);
    root = await mount(<SettingsPanel {...props({ notificationDenied: true })} />);
    expect(textOf(root.querySelector('[data-testid="summary-setting"] [role="status"]'))).toBe('Notifications were not allowed.');
  });

  it('turns sites on and off, and says where the browser keeps or withholds access', async () => {
    const first = props();
    const root = await mount(<SettingsPanel {...first} />);
    const site = (id: string) => root.querySelector(`[data-site="${id}"]`) as HTMLElement;
    await act(() => (site('claude').querySelector('input') as HTMLInputElement).click());
    expect(first.onToggleSite).toHaveBeenCalledWith('claude', true);
    expect((site('claude').querySelector('input') as HTMLInputElement).checked).toBe(false);
    await act(() => (site('chatgpt').querySelector('input') as HTMLInputElement).click());
    expect(first.onToggleSite).toHaveBeenLastCalledWith('chatgpt', false);
    expect(textOf(site('gemini'))).toContain('Your browser keeps the access it gave at install');
    expect(textOf(site('poe'))).toContain('No access: turn it on to allow');
    const denied = await mount(<SettingsPanel {...props({ deniedSite: 'claude' })} />);
    expect(textOf(denied.querySelector('[data-site="claude"] [role="status"]'))).toBe('Access was not granted.');
  });
});
