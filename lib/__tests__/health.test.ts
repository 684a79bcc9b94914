import { describe, expect, it } from 'vitest';
import { afterDetection, afterWitness, emptyHealth, healthStatus, MISSED_PROMPTS_LIMIT, MISSING_COMPOSER_LIMIT } from '../health';

describe('site health', () => {
  it('is unknown before anything was seen, working after a detection', () => {
    expect(healthStatus(undefined)).toBe('unknown');
    expect(healthStatus(emptyHealth('claude'))).toBe('unknown');
    expect(healthStatus(afterDetection(emptyHealth('claude'), 1000))).toBe('working');
  });

  it('needs an update when prompts are seen sent but not measured', () => {
    let health = afterDetection(emptyHealth('claude'), 1000);
    health = afterWitness(health, { missed: MISSED_PROMPTS_LIMIT - 1 });
    expect(healthStatus(health)).toBe('working');
    health = afterWitness(health, { missed: 1 });
    expect(healthStatus(health)).toBe('needs-update');
    expect(healthStatus(afterDetection(health, 2000))).toBe('working');
  });

  it('needs an update after several page loads without a prompt box', () => {
    let health = emptyHealth('poe');
    for (let load = 0; load < MISSING_COMPOSER_LIMIT; load++) health = afterWitness(health, { composerFound: false, missed: 0 });
    expect(healthStatus(health)).toBe('needs-update');
    expect(healthStatus(afterWitness(health, { composerFound: true, missed: 0 }))).toBe('unknown');
  });

  it('keeps the latest detection time', () => {
    expect(afterDetection(afterDetection(emptyHealth('poe'), 5000), 3000).lastDetectionAt).toBe(5000);
  });
});
