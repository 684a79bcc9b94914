import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../event';
import { Turn } from '../turn';

function makeTurn() {
  let clock = 1_000_000;
  const emitted: Measurement[] = [];
  const turn = new Turn({
    id: '00000000-0000-4000-8000-000000000001',
    detector: 'network',
    adapterVersion: 1,
    classify: (text) => (text.includes('translate') ? 'translate' : 'other'),
    now: () => (clock += 100),
    emit: (measurement) => emitted.push(measurement),
  });
  return { turn, emitted };
}

describe('Turn', () => {
  it('ranks model sources: response over request over page; latest within a source', () => {
    const { turn } = makeTurn();
    turn.model('Picker Model', 'page');
    expect(turn.measurement()).toMatchObject({ model: 'picker-model', modelSource: 'page' });
    turn.model('auto', 'request');
    turn.model('late-page', 'page');
    expect(turn.measurement()).toMatchObject({ model: 'auto', modelSource: 'request' });
    turn.model('gpt-5-3', 'response');
    turn.model('gpt-5-3-mini', 'response');
    turn.model('ignored', 'request');
    expect(turn.measurement()).toMatchObject({ model: 'gpt-5-3-mini', modelSource: 'response' });
    turn.model('', 'response');
    turn.model(42, 'response');
    expect(turn.measurement().model).toBe('gpt-5-3-mini');
  });

  it('counts cumulative snapshots by their final value, and restarts when one shrinks', () => {
    const { turn } = makeTurn();
    turn.answerSnapshot('Hel');
    turn.answerSnapshot('Hello');
    turn.answerSnapshot('Hello world');
    expect(turn.measurement().outputChars).toBe(11);
    turn.answerSnapshot('Rewritten');
    expect(turn.measurement().outputChars).toBe(9);
    turn.reasoningSnapshot('ab');
    turn.reasoningSnapshot('abcd');
    expect(turn.measurement().reasoningChars).toBe(4);
  });

  it('classifies the first prompt that names a task, and images override it', () => {
    const { turn } = makeTurn();
    turn.prompt('hello');
    turn.prompt('please translate this');
    turn.prompt('hello again');
    expect(turn.measurement().task).toBe('translate');
    turn.images(2);
    expect(turn.measurement()).toMatchObject({ kind: 'image', images: 2, task: 'image' });
  });

  it('keeps an error or interruption the stream declared', () => {
    const { turn } = makeTurn();
    turn.status('interrupted');
    turn.status('complete');
    turn.finish('eof');
    expect(turn.measurement().status).toBe('interrupted');
    const other = makeTurn().turn;
    other.status('error');
    other.status('complete');
    other.finish('eof');
    expect(other.measurement().status).toBe('error');
  });

  it('calls a stream that ended without declaring anything interrupted; a failure is an error', () => {
    const quiet = makeTurn().turn;
    quiet.finish('eof');
    expect(quiet.measurement().status).toBe('interrupted');
    const failed = makeTurn().turn;
    failed.status('complete');
    failed.finish('failed');
    expect(failed.measurement().status).toBe('error');
  });

  it('emits once provisionally, once at the end, and again when reopened and finished', async () => {
    const { turn, emitted } = makeTurn();
    turn.prompt('question');
    await Promise.resolve();
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ status: 'interrupted', inputChars: 8 });
    turn.answer('first part');
    turn.finish('eof');
    turn.finish('eof');
    expect(emitted).toHaveLength(2);
    turn.hold();
    await Promise.resolve();
    turn.answer(' and more');
    turn.status('complete');
    turn.finish('eof');
    expect(emitted).toHaveLength(4);
    expect(emitted.at(-1)).toMatchObject({ status: 'complete', outputChars: 19 });
    expect(new Set(emitted.map((m) => m.id)).size).toBe(1);
    expect(emitted.at(-1)!.durationMs).toBeGreaterThan(emitted[1]!.durationMs);
  });

  it('ends only when the last of its streams ends, with that stream\'s outcome', async () => {
    const { turn, emitted } = makeTurn();
    turn.hold(); // a continuation request joins while the first stream is still open
    turn.answer('part one');
    turn.finish('eof');
    expect(turn.ended).toBe(false);
    turn.answer(' and two');
    turn.status('complete');
    turn.finish('eof');
    expect(turn.ended).toBe(true);
    expect(emitted.at(-1)).toMatchObject({ status: 'complete', outputChars: 16 });
    const cut = makeTurn().turn;
    cut.status('complete');
    cut.hold();
    cut.finish('eof');
    cut.finish('aborted');
    expect(cut.measurement().status).toBe('interrupted');
  });

  it('caps images at the limit and ignores nonsense counts', () => {
    const { turn } = makeTurn();
    turn.images(-3);
    turn.images(Number.NaN);
    expect(turn.measurement()).toMatchObject({ images: 0, kind: 'text' });
    turn.images(1e9);
    expect(turn.measurement().images).toBe(64);
  });
});
