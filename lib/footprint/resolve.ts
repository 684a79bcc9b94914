import { type Kind, type SiteId, sanitizeModelId } from '../event';
import { type Alias, ALIASES } from './aliases';
import { HOSTING, type Hosting, type HostingId } from './hosting';
import { MEDIA_FAMILIES, type MediaFamily } from './media';
import { type MediaModelRow, type ModelRow, modelRow, type RowId, type TextModelRow } from './models';
import { exactly, type Range, widen } from './range';
import { SITE_PROFILES } from './site-profiles';
import { type Parameters, widenParameters } from './text';

/**
 * From what a site reports (its id for the model, or nothing) to the registry
 * row that prices it. Never fails: an id we do not know falls back to the
 * site's usual model, or to a generic row, with its bounds pushed out by
 * UNIDENTIFIED_WIDENING so the range says how little we know.
 */

/** How far the bounds of a guessed row are pushed out: half its low, twice its high. */
export const UNIDENTIFIED_WIDENING = 2;

export type MatchKind = 'exact' | 'pattern' | 'size-in-name' | 'site-default' | 'fallback';

interface ResolvedBase {
  /** The id looked up, in stored form, or null when the site did not say. */
  readonly modelId: string | null;
  readonly match: MatchKind;
  /** False when the row is a guess; its bounds are then widened. */
  readonly identified: boolean;
  readonly hosting: Hosting;
  /** The alias line that matched, for its note and source. */
  readonly alias: Alias | null;
}

export interface ResolvedText extends ResolvedBase {
  readonly row: TextModelRow;
  /** The row's parameters, widened when the row is a guess. */
  readonly params: Parameters;
  readonly tier: Tier;
}

export interface ResolvedMedia extends ResolvedBase {
  readonly row: MediaModelRow;
  readonly family: MediaFamily;
  /** IT Wh per image or clip at the family's reference size, widened when the row is a guess. */
  readonly whPerItem: Range;
}

/**
 * What prices one group: a text event's chat model; an image or video
 * event's media model, plus the chat model around it on chat sites (ChatGPT
 * writes a prompt for its image tool).
 */
export type ResolvedGroup =
  | { readonly kind: 'text'; readonly text: ResolvedText; readonly media: null }
  | { readonly kind: 'image' | 'video'; readonly text: ResolvedText | null; readonly media: ResolvedMedia };

/**
 * Size class by central active parameters, which is what energy per token
 * follows. A label for the command line and reviewers; no energy formula
 * reads it. The boundaries (20B, 100B, 300B active) are a Frugal convention
 * [I], round numbers about 3-5x apart: below 20B sit GPT-4o mini, o4-mini,
 * GPT-5 nano, Flash-Lite and small open models; 20-100B Haiku, GPT-5 mini,
 * the GPT-4o / Sonnet / Flash class (88B central) and 70B dense models;
 * 100-300B Gemini 3 Flash and Pro, Claude Opus 4.5; above 300B GPT-4,
 * Opus 4, Gemini 2.5 Pro and GPT-5 Pro.
 */
export type Tier = 'small' | 'mid' | 'large' | 'very-large';

export function tierOf(params: Parameters): Tier {
  const active = params.active.central;
  if (active < 20) return 'small';
  if (active < 100) return 'mid';
  if (active < 300) return 'large';
  return 'very-large';
}

interface Lookup {
  readonly row: ModelRow;
  readonly match: MatchKind;
  readonly alias: Alias | null;
}

const ANY_SITE = '*';

/** Exact ids, sanitised once, keyed by site (or ANY_SITE); the first line written wins. */
const EXACT = new Map<string, Alias>();
for (const alias of ALIASES) {
  if (typeof alias.match !== 'string') continue;
  const key = `${alias.site ?? ANY_SITE}|${sanitizeModelId(alias.match)}`;
  if (!EXACT.has(key)) EXACT.set(key, alias);
}
const PATTERNS = ALIASES.filter((alias) => alias.match instanceof RegExp);

function viaAlias(alias: Alias, match: MatchKind): Lookup {
  return { row: modelRow(alias.row), match, alias };
}

function lookupAlias(site: SiteId | null, modelId: string): Lookup | null {
  const exact = (site && EXACT.get(`${site}|${modelId}`)) || EXACT.get(`${ANY_SITE}|${modelId}`);
  if (exact) return viaAlias(exact, 'exact');
  const forSite = PATTERNS.find((alias) => alias.site === site && (alias.match as RegExp).test(modelId));
  if (forSite) return viaAlias(forSite, 'pattern');
  const anySite = PATTERNS.find((alias) => alias.site === undefined && (alias.match as RegExp).test(modelId));
  return anySite ? viaAlias(anySite, 'pattern') : null;
}

/** "meta-llama/llama-3.3-70b-instruct" is 70B dense; "qwen3-235b-a22b" is 235B with 22B active. */
const SIZE_IN_NAME = /(?:^|[-/_.:])(\d+(?:\.\d+)?)b(?:-a(\d+(?:\.\d+)?)b)?(?=$|[-/_.:])/;

function lookupSizeInName(modelId: string): Lookup | null {
  const found = SIZE_IN_NAME.exec(modelId);
  const total = Number(found?.[1]);
  if (!found || !(total > 0)) return null;
  const active = found[2] === undefined ? total : Math.min(total, Number(found[2]));
  const row: TextModelRow = {
    id: `size:${modelId}`,
    name: modelId,
    kind: 'text',
    provider: 'unknown',
    params: { total: exactly(total), active: exactly(active) },
    hosting: 'unknown',
    openWeights: true,
    sources: ['modelName'],
    year: 2025,
    note: 'Size taken from the model id; hosting unknown.',
  };
  return { row, match: 'size-in-name', alias: null };
}

/** The row a model id names, if any: aliases first, then a size written in the id. */
export function lookupModel(site: SiteId | null, model: string | null): Lookup | null {
  const modelId = sanitizeModelId(model);
  if (modelId === null) return null;
  return lookupAlias(site, modelId) ?? lookupSizeInName(modelId);
}

/**
 * Where a row runs on this site: where the site serves open-weight models
 * itself if it does and the row is one (DeepSeek R1 on Perplexity is in the
 * USA, not China); else where the row's maker serves it.
 */
export function hostingFor(site: SiteId | null, row: ModelRow): Hosting {
  const siteHosting: HostingId | undefined = site ? SITE_PROFILES[site].openModelHosting : undefined;
  return HOSTING[row.openWeights && siteHosting ? siteHosting : row.hosting];
}

function resolvedText(site: SiteId | null, row: TextModelRow, base: Omit<ResolvedBase, 'hosting'>): ResolvedText {
  const params = base.identified ? row.params : widenParameters(row.params, UNIDENTIFIED_WIDENING);
  return { ...base, row, params, tier: tierOf(params), hosting: hostingFor(site, row) };
}

function resolvedMedia(site: SiteId | null, row: MediaModelRow, base: Omit<ResolvedBase, 'hosting'>): ResolvedMedia {
  const family = MEDIA_FAMILIES[row.family];
  const whPerItem = base.identified ? family.whPerItem : widen(family.whPerItem, UNIDENTIFIED_WIDENING);
  return { ...base, row, family, whPerItem, hosting: hostingFor(site, row) };
}

function textRow(id: RowId): TextModelRow {
  const row = modelRow(id);
  if (row.kind !== 'text') throw new Error(`Row ${id} is not a text model`);
  return row;
}

function mediaRow(id: RowId): MediaModelRow {
  const row = modelRow(id);
  if (row.kind === 'text') throw new Error(`Row ${id} is not an image or video model`);
  return row;
}

/**
 * The chat model: the one named; else the site's usual chat model, widened
 * because we do not know which one answered. Null on image-only sites.
 */
function resolveChatModel(site: SiteId | null, modelId: string | null, found: Lookup | null): ResolvedText | null {
  if (found?.row.kind === 'text') {
    return resolvedText(site, found.row, { modelId, match: found.match, identified: true, alias: found.alias });
  }
  const siteDefault = site ? SITE_PROFILES[site].defaultText : null;
  if (!siteDefault) return null;
  return resolvedText(site, textRow(siteDefault), { modelId, match: 'site-default', identified: false, alias: null });
}

/** A text event that no site or id explains still costs something: a generic chat model, widened. */
function genericChatModel(site: SiteId | null, modelId: string | null): ResolvedText {
  return resolvedText(site, textRow('llm-generic'), { modelId, match: 'fallback', identified: false, alias: null });
}

/**
 * The media model of an image or video event: the one named when it is of
 * that kind; else the site's model for it. That default is a guess only when
 * the site named no model we know (a chat model named means the site's own
 * image tool drew it).
 */
function resolveMediaModel(
  site: SiteId | null,
  kind: 'image' | 'video',
  modelId: string | null,
  found: Lookup | null,
): ResolvedMedia {
  if (found && found.row.kind === kind) {
    return resolvedMedia(site, found.row, { modelId, match: found.match, identified: true, alias: found.alias });
  }
  const profile = site ? SITE_PROFILES[site] : null;
  const fallbackId: RowId = kind === 'image' ? 'image-generic' : 'video-generic';
  const id = profile ? (kind === 'image' ? profile.defaultImage : profile.defaultVideo) : fallbackId;
  return resolvedMedia(site, mediaRow(id), {
    modelId,
    match: profile ? 'site-default' : 'fallback',
    identified: found !== null && profile !== null,
    alias: null,
  });
}

export function resolveGroup(site: SiteId | null, model: string | null, kind: Kind): ResolvedGroup {
  const modelId = sanitizeModelId(model);
  const found = lookupModel(site, modelId);
  const chat = resolveChatModel(site, modelId, found);
  if (kind === 'text') return { kind, text: chat ?? genericChatModel(site, modelId), media: null };
  return { kind, text: chat, media: resolveMediaModel(site, kind, modelId, found) };
}
