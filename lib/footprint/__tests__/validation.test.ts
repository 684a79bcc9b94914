import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '../sources';
import { formatValidationTable, SCENARIOS, validate } from '../validation';
import { METHOD_VERSION } from '../version';

const methodology = readFileSync(new URL('../../../METHODOLOGY.md', import.meta.url), 'utf8');
const results = validate();

describe('validation against published figures', () => {
  it('prints the table', () => {
    const table = formatValidationTable(results);
    console.log(table);
    expect(table.split('\n')).toHaveLength(SCENARIOS.length + 2);
  });

  it.each(results.map((result) => [result.scenario.id, result] as const))('%s', (_id, result) => {
    const { low, central, high } = result.ours;
    expect(low).toBeLessThanOrEqual(central);
    expect(central).toBeLessThanOrEqual(high);
    expect(result.inside, `${result.scenario.claim}: ours ${low} / ${central} / ${high}`).toBe(
      result.scenario.expect === 'inside',
    );
  });

  it('explains in METHODOLOGY.md every figure that falls outside on purpose', () => {
    for (const { scenario } of results.filter((result) => !result.inside)) {
      expect(methodology, scenario.id).toContain(scenario.id);
    }
  });

  it('covers the figures the issue asks for', () => {
    const ids = SCENARIOS.map((scenario) => scenario.id);
    for (const required of [
      'google-gemini-energy',
      'openai-chatgpt-energy',
      'epoch-gpt4o-500',
      'epoch-gpt4o-10k-input',
      'ecologits-mistral-large',
      'luccioni-image-median',
      'luccioni-image-mean',
      'mlenergy-reasoning',
    ]) {
      expect(ids).toContain(required);
    }
  });
});

describe('METHODOLOGY.md', () => {
  it('names the method version the CSV carries', () => {
    expect(methodology).toContain(METHOD_VERSION);
  });

  it('lists every source the code cites', () => {
    for (const [id, source] of Object.entries(SOURCES)) {
      expect(methodology, id).toContain(`\`${id}\``);
      expect(methodology, id).toContain(String(source.year));
    }
  });
});
