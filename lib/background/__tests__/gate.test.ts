import { describe, expect, it } from 'vitest';
import { validMeasurement } from '../../capture/__tests__/fakes';
import { DEFAULT_SETTINGS } from '../../settings';
import type { Sender } from '../capture';
import { droppedCapture, isFromDisabledSite } from '../gate';

const RUNTIME_ID = 'frugal-test-id';
const FROM_CHATGPT: Sender = { id: RUNTIME_ID, url: 'https://chatgpt.com/c/1', frameId: 0, tab: { id: 4 } };
const capture = (...measurements: unknown[]) => ({ type: 'frugal/capture', measurements });
const tracking = { ...DEFAULT_SETTINGS, disabledSites: [] };

describe('droppedCapture', () => {
  it('lets captures through while tracking', () => {
    expect(droppedCapture(capture(validMeasurement()), FROM_CHATGPT, RUNTIME_ID, tracking)).toBeNull();
    expect(droppedCapture(capture(validMeasurement()), FROM_CHATGPT, RUNTIME_ID, { paused: false, disabledSites: ['claude'] })).toBeNull();
  });

  it('acknowledges and drops every capture while paused, so the relay forgets them', () => {
    const first = validMeasurement();
    const second = { ...validMeasurement(), id: '00000000-0000-4000-8000-000000000002' };
    expect(droppedCapture(capture(first, second, { no: 'id' }), FROM_CHATGPT, RUNTIME_ID, { paused: true, disabledSites: [] })).toEqual({
      ok: true,
      stored: [first.id, second.id],
      rejected: [],
    });
  });

  it('drops captures from a site turned off', () => {
    expect(droppedCapture(capture(validMeasurement()), FROM_CHATGPT, RUNTIME_ID, { paused: false, disabledSites: ['chatgpt'] })).toMatchObject({
      ok: true,
      stored: [validMeasurement().id],
    });
  });

  it('leaves messages the capture handler ignores to it', () => {
    const paused = { paused: true, disabledSites: [] };
    expect(droppedCapture({ type: 'frugal/witness', report: { missed: 1 } }, FROM_CHATGPT, RUNTIME_ID, paused)).toBeNull();
    expect(droppedCapture(capture(validMeasurement()), { ...FROM_CHATGPT, id: 'other' }, RUNTIME_ID, paused)).toBeNull();
    expect(droppedCapture(capture(validMeasurement()), { ...FROM_CHATGPT, frameId: 2 }, RUNTIME_ID, paused)).toBeNull();
  });
});

describe('isFromDisabledSite', () => {
  it("knows the sender's site from its URL", () => {
    expect(isFromDisabledSite(FROM_CHATGPT, RUNTIME_ID, { disabledSites: ['chatgpt'] })).toBe(true);
    expect(isFromDisabledSite(FROM_CHATGPT, RUNTIME_ID, { disabledSites: ['claude'] })).toBe(false);
    expect(isFromDisabledSite({ ...FROM_CHATGPT, url: 'https://example.com/' }, RUNTIME_ID, { disabledSites: ['chatgpt'] })).toBe(false);
  });
});
