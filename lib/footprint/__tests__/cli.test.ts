import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GRID_REGIONS } from '../grid';
import { METHOD_VERSION } from '../version';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

/** Runs `npm run -s estimate -- ...args` the way npm does: tsx on scripts/estimate.ts. */
function estimate(...args: string[]) {
  const result = spawnSync(process.execPath, [tsx, 'scripts/estimate.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case starts one or two Node processes; under a full parallel run that can take seconds.
describe('npm run estimate', { timeout: 30_000 }, () => {
  it('prints one JSON object with ranges, the resolved model and the method version', () => {
    const run = estimate('--model', 'gpt-4o', '--input-tokens', '50', '--output-tokens', '500', '--site', 'chatgpt');
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.method_version).toBe(METHOD_VERSION);
    for (const field of ['energyWh', 'co2g', 'waterMl']) {
      expect(Object.keys(output[field]).sort()).toEqual(['central', 'high', 'low']);
      expect(output[field].low).toBeLessThanOrEqual(output[field].central);
      expect(output[field].central).toBeLessThanOrEqual(output[field].high);
      expect(output[field].low).toBeGreaterThan(0);
    }
    expect(output.model.text.row).toBe('gpt-4o');
    expect(output.model.text.hosting).toMatchObject({
      region: 'USA',
      gridGCo2PerKwh: GRID_REGIONS.USA.gCo2PerKwh,
      offSiteWaterLitresPerKwh: GRID_REGIONS.USA.waterLitresPerKwh,
    });
    expect(output.gridRegion).toBe('USA');
  });

  it('prices images and follows a chosen region', () => {
    const run = estimate(
      '--model', 'midjourney-v7', '--kind', 'image', '--images', '4',
      '--input-tokens', '30', '--output-tokens', '0', '--site', 'midjourney', '--region', 'fra',
    );
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.model.media.family).toBe('diffusion');
    expect(output.model.text).toBeNull();
    expect(output.gridRegion).toBe('FRA');
  });

  it('costs more with reasoning tokens than without', () => {
    const base = ['--model', 'deepseek-deepthink', '--site', 'deepseek', '--input-tokens', '50', '--output-tokens', '500'];
    const plain = JSON.parse(estimate(...base).stdout);
    const thinking = JSON.parse(estimate(...base, '--reasoning-tokens', '4000').stdout);
    expect(thinking.energyWh.central).toBeGreaterThan(plain.energyWh.central * 5);
  });

  it.each([
    [['--input-tokens', '5', '--output-tokens', '5'], '--model is required'],
    [['--model', 'gpt-4o', '--input-tokens', '-5', '--output-tokens', '5'], '--input-tokens must be a whole number ≥ 0'],
    [['--model', 'gpt-4o', '--input-tokens', '5', '--output-tokens', '-5'], '--output-tokens must be a whole number ≥ 0'],
    [['--model', 'gpt-4o', '--input-tokens', '5', '--output-tokens=-5'], '--output-tokens must be a whole number ≥ 0'],
    [['--model', 'gpt-4o', '--input-tokens', '5', '--output-tokens', '5', '--reasoning-tokens', '-1'], '--reasoning-tokens must be a whole number ≥ 0'],
    [['--model', 'gpt-4o', '--input-tokens', '5', '--output-tokens', '--site', 'chatgpt'], '--output-tokens needs a value'],
    [['--model', 'gpt-4o', '--input-tokens', '5', '--output-tokens', '5', '--images', '2'], '--images counts generated images'],
    [['--model', 'gpt-4o', '--input-tokens', '5', '--output-tokens', '5', '--kind', 'text', '--images', '1'], 'not text'],
    [['--model', 'gpt-4o', '--input-tokens', '1.5', '--output-tokens', '5'], 'whole number'],
    [['--model', 'gpt-4o', '--input-tokens', '5'], '--output-tokens is required'],
    [['--model', 'gpt-4o', '--input-tokens', '5', '--output-tokens', '5', '--kind', 'audio'], '--kind must be one of'],
    [['--model', 'gpt-4o', '--input-tokens', '5', '--output-tokens', '5', '--region', 'atlantis'], '--region'],
    [['--model', 'gpt-4o', '--input-tokens', '5', '--output-tokens', '5', '--site', 'example'], '--site must be one of'],
    [['--model', 'gpt-4o', '--input-tokens', '5', '--output-tokens', '5', '--images', '65'], '--images'],
    [['--model', 'gpt-4o', '--input-tokens', '5', '--output-tokens', '5', '--colour', 'blue'], 'colour'],
  ])('rejects %j with a clear message and a non-zero exit', (args, message) => {
    const run = estimate(...args);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('ambiguous');
  });

  it.each([['image'], ['video']])('defaults the task to image for --kind %s, as the extension stores it', (kind) => {
    const run = estimate('--model', 'midjourney-v7', '--kind', kind, '--input-tokens', '30', '--output-tokens', '0');
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.request.task).toBe('image');
    expect(output.alternative.id).toBe('stock-image-search');
  });

  it('keeps chat as the default task for text, and a chosen task for images', () => {
    const text = JSON.parse(estimate('--model', 'gpt-4o', '--input-tokens', '5', '--output-tokens', '5').stdout);
    expect(text.request.task).toBe('chat');
    const image = JSON.parse(
      estimate('--model', 'midjourney-v7', '--kind', 'image', '--task', 'other', '--input-tokens', '5', '--output-tokens', '0')
        .stdout,
    );
    expect(image.request.task).toBe('other');
  });

  it('accepts --images 0 with text', () => {
    const run = estimate('--model', 'gpt-4o', '--input-tokens', '5', '--output-tokens', '5', '--images', '0');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).request.images).toBe(0);
  });

  it("puts an open model on the site's grid when the site serves it itself", () => {
    const base = ['--model', 'r1', '--input-tokens', '50', '--output-tokens', '500'];
    const perplexity = JSON.parse(estimate(...base, '--site', 'perplexity').stdout);
    expect(perplexity.model.text.row).toBe('deepseek-v3');
    expect(perplexity.model.text.hosting.region).toBe('USA');
    expect(perplexity.gridRegion).toBe('USA');
    const deepseek = JSON.parse(estimate('--model', 'deepseek-reasoner', '--input-tokens', '50', '--output-tokens', '500', '--site', 'deepseek').stdout);
    expect(deepseek.model.text.hosting.region).toBe('CHN');
  });

  it('shows the generic chat model widened once', () => {
    const output = JSON.parse(estimate('--model', 'zebra-9000', '--input-tokens', '5', '--output-tokens', '5').stdout);
    expect(output.model.text.row).toBe('llm-generic');
    expect(output.model.text.activeParamsBillions).toEqual({ low: 22, central: 88, high: 264 });
    expect(output.model.text.totalParamsBillions).toEqual({ low: 220, central: 440, high: 880 });
  });
});
