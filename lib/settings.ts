import * as v from 'valibot';
import { SITE_IDS, type SiteId } from './event';
import { REGION_CODES } from './footprint/grid';
import { addDays } from './time';
import { extensionApi } from './extension-api';

/**
 * The user's settings, in `browser.storage.local` under one key. Extension
 * pages write them; the background reads and watches them (it drops captures
 * while paused or for a site turned off). Every field falls back to its
 * default on its own, so a corrupted or older record loses only what is wrong.
 */

export const LANGUAGES = ['auto', 'en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Keep-for periods offered, in days; null (the default) keeps everything. */
export const RETENTION_DAYS = [30, 90, 180, 365, 730] as const;
export type RetentionDays = (typeof RETENTION_DAYS)[number] | null;

export const BUDGET_UNITS = ['prompts', 'co2g'] as const;

/** No one sends a million prompts a week; a larger number is a typo. */
export const MAX_BUDGET = 1_000_000;

const BudgetSchema = v.pipe(
  v.object({
    unit: v.picklist(BUDGET_UNITS),
    perWeek: v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(MAX_BUDGET)),
  }),
  // Prompts are counted whole. Earlier versions let "2.5" be saved: rounded (to 1 at least), not dropped.
  v.transform((budget) => (budget.unit === 'prompts' ? { ...budget, perWeek: Math.max(1, Math.round(budget.perWeek)) } : budget)),
);
export type Budget = v.InferOutput<typeof BudgetSchema>;

/**
 * The weekly limit typed in the settings, or null when it is not one: a
 * number above zero and at most MAX_BUDGET; for prompts, a whole number
 * (grams of CO2e may have decimals).
 */
export function budgetAmount(unit: Budget['unit'], typed: string): number | null {
  if (typed.trim() === '') return null;
  const value = Number(typed);
  if (!Number.isFinite(value) || value <= 0 || value > MAX_BUDGET) return null;
  if (unit === 'prompts' && !Number.isInteger(value)) return null;
  return value;
}

export const DEFAULT_SETTINGS = {
  region: 'provider',
  paused: false,
  disabledSites: [],
  retentionDays: null,
  budget: null,
  language: 'auto',
  weeklyNotification: false,
} as const satisfies Record<string, unknown>;

const SettingsSchema = v.object({
  /** 'provider': each model's own hosting grid; else the grid the user picked (a country or WORLD). */
  region: v.fallback(v.picklist(['provider', ...REGION_CODES]), DEFAULT_SETTINGS.region),
  paused: v.fallback(v.boolean(), DEFAULT_SETTINGS.paused),
  /** Sites the user turned off: their captures are dropped, their host access given back where the browser allows. */
  disabledSites: v.fallback(
    v.pipe(
      v.array(v.string()),
      // A site this version does not know (a newer version's record) is dropped, not fatal.
      v.transform((sites) => [...new Set(sites)].filter(isSiteId).sort()),
    ),
    [],
  ),
  retentionDays: v.fallback(v.nullable(v.picklist(RETENTION_DAYS)), DEFAULT_SETTINGS.retentionDays),
  budget: v.fallback(v.nullable(BudgetSchema), DEFAULT_SETTINGS.budget),
  language: v.fallback(v.picklist(LANGUAGES), DEFAULT_SETTINGS.language),
  /** Opt-in: the optional `notifications` permission is asked for when this is turned on. */
  weeklyNotification: v.fallback(v.boolean(), DEFAULT_SETTINGS.weeklyNotification),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const SETTINGS_KEY = 'settings';

function isSiteId(value: string): value is SiteId {
  return (SITE_IDS as readonly string[]).includes(value);
}

/** Anything (a stored record, nothing, garbage) to valid settings. */
export function parseSettings(raw: unknown): Settings {
  return v.parse(SettingsSchema, typeof raw === 'object' && raw !== null ? raw : {});
}

export async function readSettings(): Promise<Settings> {
  const stored = await extensionApi().storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** Change some settings; resolves with the settings as stored. */
export async function writeSettings(change: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await readSettings()), ...change });
  await extensionApi().storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `onChange` with the new settings whenever any context writes them. Returns an unsubscribe function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && SETTINGS_KEY in changes) onChange(parseSettings(changes[SETTINGS_KEY]!.newValue));
  };
  const { storage } = extensionApi();
  storage.onChanged.addListener(listener);
  return () => storage.onChanged.removeListener(listener);
}

/** The instant before which a retention period deletes events: local midnight, `days` days ago. */
export function retentionCutoff(days: number, now: number): number {
  return addDays(now, -days);
}
