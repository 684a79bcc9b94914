/**
 * The footprint model's public API: what the popup, the dashboard, the CSV
 * export and the command line call. Pure functions over data tables; no
 * browser APIs, so it runs the same in the extension, in tests and in Node.
 */
export { type Aggregate, aggregate, type Breakdown, type Group } from './aggregate';
export {
  ALTERNATIVE_FOR_TASK,
  type Alternative,
  type AlternativeEstimate,
  type AlternativeId,
  ALTERNATIVES,
  alternativesFor,
} from './alternatives';
export { classifyTask } from './classify';
export { DISCLOSURES, type Disclosure, type DisclosureId } from './disclosures';
export { EQUIVALENTS, type Equivalent, type EquivalentCount, type EquivalentId, equivalentsOf } from './equivalents';
export {
  addFootprints,
  EMPTY_FOOTPRINT,
  type EstimateOptions,
  estimateEvent,
  estimateGroup,
  type Footprint,
  type GroupEstimate,
  type GroupKey,
  type PartEstimate,
  type Water,
} from './estimate';
export { GRID_REGIONS, type GridRegion, parseRegion, REGION_CODES, type RegionCode, REGIONS } from './grid';
export { HOSTING, type Hosting, type HostingId } from './hosting';
export { MEDIA_FAMILIES, type MediaFamily, type MediaFamilyId } from './media';
export { MODEL_ROWS, type ModelRow, type RowId } from './models';
export type { Range } from './range';
export {
  lookupModel,
  type MatchKind,
  type ResolvedGroup,
  type ResolvedMedia,
  type ResolvedText,
  resolveGroup,
  type Tier,
} from './resolve';
export { SITE_PROFILES, type SiteProfile } from './site-profiles';
export { type Source, type SourceId, SOURCES } from './sources';
export { formatValidationTable, SCENARIOS, type Scenario, validate, type ValidationResult } from './validation';
export { METHOD_VERSION } from './version';
