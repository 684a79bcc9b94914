/**
 * A command-line window onto the footprint model, for users and reviewers:
 *
 *   npm run -s estimate -- --model gpt-4o --input-tokens 50 --output-tokens 500
 *
 * Prints one JSON object: energy, CO2e and water as { low, central, high },
 * the model rows the id resolved to, and the method version. Invalid input
 * gets a message on stderr and exit code 2.
 */
import { parseArgs } from 'node:util';
import { type Kind, KINDS, LIMITS, type MeasurementSums, SITE_IDS, type SiteId, type Task, TASKS, emptySums } from '../lib/event';
import {
  alternativesFor,
  estimateGroup,
  type EstimateOptions,
  GRID_REGIONS,
  type Hosting,
  METHOD_VERSION,
  parseRegion,
  type Range,
  type ResolvedMedia,
  type ResolvedText,
} from '../lib/footprint';

const USAGE = `Usage: npm run -s estimate -- --model ID --input-tokens N --output-tokens N
  [--reasoning-tokens N] [--kind text|image|video] [--images N]
  [--region CODE|provider] [--task TASK] [--site SITE]

  --model       the site's model id (e.g. gpt-4o, claude-sonnet-4-5-20250929, deepseek-chat)
  --site        ${SITE_IDS.join(', ')}; omit for a bare request with no hidden context
  --region      grid for CO2e and off-site water: a country code (USA, FRA, ...), WORLD, or provider (default)
  --task        ${TASKS.join(', ')} (default chat; image for --kind image or video); picks the simpler alternative
  --images      images (or clips) generated, for --kind image or video only (default 1 there)`;

class InputError extends Error {}

const OPTIONS = {
  model: { type: 'string' },
  'input-tokens': { type: 'string' },
  'output-tokens': { type: 'string' },
  'reasoning-tokens': { type: 'string' },
  kind: { type: 'string' },
  images: { type: 'string' },
  region: { type: 'string' },
  task: { type: 'string' },
  site: { type: 'string' },
  help: { type: 'boolean' },
} as const;

/**
 * parseArgs refuses a value that starts with a dash (`--output-tokens -5`)
 * with a message about ambiguity. Join such a value to its option
 * (`--output-tokens=-5`) so the option's own check can say what is wrong,
 * unless it is itself one of our options (then the value is missing).
 */
function joinDashValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : null;
    const option = name !== null && Object.hasOwn(OPTIONS, name) ? OPTIONS[name as keyof typeof OPTIONS] : null;
    const next = argv[i + 1];
    if (option?.type !== 'string' || next === undefined || !next.startsWith('-')) {
      joined.push(arg);
      continue;
    }
    const nextName = next.startsWith('--') ? next.slice(2).split('=')[0]! : '';
    if (Object.hasOwn(OPTIONS, nextName)) throw new InputError(`${arg} needs a value`);
    joined.push(`${arg}=${next}`);
    i += 1;
  }
  return joined;
}

function count(name: string, raw: string | undefined, max: number, fallback?: number): number {
  if (raw === undefined) {
    if (fallback === undefined) throw new InputError(`--${name} is required`);
    return fallback;
  }
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value > max) {
    throw new InputError(`--${name} must be a whole number ≥ 0 (at most ${max}), got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T | null) {
  if (raw === undefined) return fallback;
  const value = raw.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(`--${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return value as T;
}

function regionOption(raw: string | undefined): EstimateOptions['region'] {
  if (raw === undefined || raw.trim().toLowerCase() === 'provider') return 'provider';
  const region = parseRegion(raw);
  if (!region) throw new InputError(`--region must be a known country code, WORLD or provider, got "${raw}"`);
  return region;
}

/** Six significant digits: the model is not more precise than that, and the output stays readable. */
function rounded({ low, central, high }: Range): Range {
  const round = (value: number) => Number(value.toPrecision(6));
  return { low: round(low), central: round(central), high: round(high) };
}

/** Where a model runs: the data centre's efficiency and the grid's carbon and water per kWh. */
function describeHosting(hosting: Hosting) {
  const grid = GRID_REGIONS[hosting.region];
  return {
    region: hosting.region,
    pue: hosting.pue,
    wueOnSiteLitresPerKwh: hosting.wueOnSite,
    gridGCo2PerKwh: grid.gCo2PerKwh,
    offSiteWaterLitresPerKwh: grid.waterLitresPerKwh,
  };
}

function describeText(text: ResolvedText) {
  return {
    row: text.row.id,
    name: text.row.name,
    provider: text.row.provider,
    match: text.match,
    identified: text.identified,
    tier: text.tier,
    activeParamsBillions: rounded(text.params.active),
    totalParamsBillions: rounded(text.params.total),
    hosting: describeHosting(text.hosting),
    sources: text.row.sources,
    year: text.row.year,
    note: text.alias?.note ?? text.row.note ?? null,
  };
}

function describeMedia(media: ResolvedMedia) {
  return {
    row: media.row.id,
    name: media.row.name,
    provider: media.row.provider,
    match: media.match,
    identified: media.identified,
    family: media.family.id,
    itWhPerItem: rounded(media.whPerItem),
    hosting: describeHosting(media.hosting),
    sources: media.row.sources,
    year: media.row.year,
    note: media.alias?.note ?? media.row.note ?? null,
  };
}

function run(argv: string[]): string {
  const { values } = parseArgs({ args: joinDashValues(argv), strict: true, allowPositionals: false, options: OPTIONS });
  if (values.help) return USAGE;
  if (values.model === undefined || values.model.trim() === '') throw new InputError('--model is required');

  const kind = oneOf<Kind>('kind', values.kind, KINDS, 'text') as Kind;
  // The extension stores every image or video prompt under the task `image` (lib/capture/turn.ts).
  const task = oneOf<Task>('task', values.task, TASKS, kind === 'text' ? 'chat' : 'image') as Task;
  const site = oneOf<SiteId>('site', values.site, SITE_IDS, null);
  const inputTokens = count('input-tokens', values['input-tokens'], LIMITS.tokens);
  const sums: MeasurementSums = {
    ...emptySums(),
    count: 1,
    complete: 1,
    inputTokens,
    inputTokensSq: inputTokens * inputTokens,
    outputTokens: count('output-tokens', values['output-tokens'], LIMITS.tokens),
    reasoningTokens: count('reasoning-tokens', values['reasoning-tokens'], LIMITS.tokens, 0),
    images: count('images', values.images, LIMITS.images, kind === 'text' ? 0 : 1),
  };
  if (kind === 'text' && sums.images > 0) {
    throw new InputError('--images counts generated images or clips: use it with --kind image or --kind video, not text');
  }
  const options: EstimateOptions = { region: regionOption(values.region) };
  const key = { site, model: values.model, kind, task };
  const estimate = estimateGroup(key, sums, options);
  const alternative = alternativesFor(key, sums, options);

  return JSON.stringify(
    {
      method_version: METHOD_VERSION,
      request: {
        site,
        model: values.model,
        kind,
        task,
        inputTokens: sums.inputTokens,
        outputTokens: sums.outputTokens,
        reasoningTokens: sums.reasoningTokens,
        images: sums.images,
        region: options.region,
      },
      energyWh: rounded(estimate.energyWh),
      co2g: rounded(estimate.co2g),
      waterMl: rounded(estimate.waterMl.total),
      waterOnSiteMl: rounded(estimate.waterMl.onSite),
      waterOffSiteMl: rounded(estimate.waterMl.offSite),
      embodiedCo2g: rounded(estimate.embodiedCo2g),
      gridRegion: estimate.gridRegion,
      model: {
        text: estimate.resolved.text ? describeText(estimate.resolved.text) : null,
        media: estimate.resolved.media ? describeMedia(estimate.resolved.media) : null,
      },
      alternative: {
        id: alternative.alternative.id,
        energyWh: rounded(alternative.energyWh),
        co2g: rounded(alternative.co2g),
        sources: alternative.alternative.sources,
      },
    },
    null,
    2,
  );
}

try {
  process.stdout.write(`${run(process.argv.slice(2))}\n`);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`estimate: ${message}\n\n${USAGE}\n`);
  process.exitCode = 2;
}
