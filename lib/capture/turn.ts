import {
  LIMITS,
  MODEL_SOURCES,
  sanitizeModelId,
  type Detector,
  type Kind,
  type Measurement,
  type ModelSource,
  type Status,
  type Task,
} from '../event';
import type { TurnReport } from '../sites/types';
import { TextTally } from './tokens';

export type ClassifyTask = (prompt: string) => Task;

export interface TurnOptions {
  id: string;
  detector: Detector;
  adapterVersion: number;
  classify: ClassifyTask;
  now: () => number;
  /** Receives the measurement when the turn opens (provisional) and when it closes. */
  emit: (measurement: Measurement) => void;
  /** Told when the turn closes. */
  onClose?: (turn: Turn) => void;
  /** Told when the turn is given a continuation key, so that a later request can join it. */
  onKey?: (turn: Turn, key: string) => void;
}

export type TurnEnd = 'eof' | 'aborted' | 'failed';

/**
 * One prompt and its answer, as counters. Adapters report what they parse
 * through the TurnReport methods; the text is counted and dropped on the spot,
 * so a turn holds O(1) memory however long the answer streams.
 */
export class Turn implements TurnReport {
  readonly id: string;
  readonly at: number;
  readonly detector: Detector;
  readonly adapterVersion: number;
  key: string | null = null;

  private readonly classify: ClassifyTask;
  private readonly now: () => number;
  private readonly emit: (measurement: Measurement) => void;
  private readonly onClose: ((turn: Turn) => void) | undefined;
  private readonly onKey: ((turn: Turn, key: string) => void) | undefined;
  private provisionalPending = false;
  /** Streams (requests, sockets, detectors) still feeding this turn; it ends when the last one does. */
  private holds = 1;
  private lastStreamAborted = false;
  private readonly input = new TextTally();
  private readonly output = new TextTally();
  private readonly thoughts = new TextTally();
  /** UTF-16 length of the last cumulative snapshot, to count only what is new. */
  private outputSnapshotLength = 0;
  private thoughtsSnapshotLength = 0;
  private task: Task = 'other';
  private modelId: string | null = null;
  private modelSourceValue: ModelSource = 'unknown';
  private imageCount = 0;
  private kindValue: Kind = 'text';
  private declaredStatus: Status | null = null;
  private endedAt: number | null = null;

  constructor(options: TurnOptions) {
    this.id = options.id;
    this.now = options.now;
    this.at = options.now();
    this.detector = options.detector;
    this.adapterVersion = options.adapterVersion;
    this.classify = options.classify;
    this.emit = options.emit;
    this.onClose = options.onClose;
    this.onKey = options.onKey;
    this.announce();
  }

  prompt(text: string): void {
    if (typeof text !== 'string' || text.length === 0) return;
    this.input.add(text);
    // The first prompt text that says what the task is decides it.
    if (this.task === 'other') this.task = this.classify(text);
  }

  answer(delta: string): void {
    if (typeof delta === 'string') this.output.add(delta);
  }

  answerSnapshot(full: string): void {
    if (typeof full !== 'string') return;
    this.outputSnapshotLength = addSnapshot(this.output, full, this.outputSnapshotLength);
  }

  reasoning(delta: string): void {
    if (typeof delta === 'string') this.thoughts.add(delta);
  }

  reasoningSnapshot(full: string): void {
    if (typeof full !== 'string') return;
    this.thoughtsSnapshotLength = addSnapshot(this.thoughts, full, this.thoughtsSnapshotLength);
  }

  model(raw: unknown, source: ModelSource): void {
    const id = sanitizeModelId(raw);
    if (!id) return;
    if (rank(source) <= rank(this.modelSourceValue)) {
      this.modelId = id;
      this.modelSourceValue = source;
    }
  }

  images(count: number): void {
    if (!Number.isFinite(count) || count <= 0) return;
    this.imageCount = Math.min(LIMITS.images, this.imageCount + Math.floor(count));
    if (this.kindValue === 'text') this.kindValue = 'image';
  }

  kind(kind: Kind): void {
    this.kindValue = kind;
  }

  status(status: Status): void {
    // An error or interruption the stream declared is not undone by a later marker.
    if (this.declaredStatus === 'error') return;
    if (this.declaredStatus === 'interrupted' && status === 'complete') return;
    this.declaredStatus = status;
  }

  continuationKey(key: string): void {
    if (typeof key !== 'string' || key.length === 0) return;
    this.key = key.slice(0, 200);
    this.onKey?.(this, this.key);
  }

  close(): void {
    this.finish('eof');
  }

  /**
   * One stream feeding the turn finished. When it was the last one, the turn
   * ends: a turn whose streams declared nothing, or whose last stream was cut,
   * is interrupted; a failed stream is an error. Emits the final measurement.
   * Finishing more often than the turn was held changes nothing.
   */
  finish(how: TurnEnd): void {
    if (this.holds === 0) return;
    this.holds--;
    if (how === 'failed') this.status('error');
    this.lastStreamAborted = how === 'aborted';
    if (this.holds > 0) {
      // Another stream carries the answer on: this one's interruption was a hand-off.
      if (this.declaredStatus === 'interrupted') this.declaredStatus = null;
      return;
    }
    this.endedAt = this.now();
    if (this.lastStreamAborted || this.declaredStatus === null) this.status('interrupted');
    this.emit(this.measurement());
    this.onClose?.(this);
  }

  /** An adapter opened the turn but decided the request was no prompt after all. */
  discard(): void {
    if (this.holds === 0) return;
    this.holds--;
    if (this.holds === 0) this.endedAt ??= this.now();
  }

  /**
   * Another stream joins the turn: a continuation request (a resumed or
   * continued answer), possibly while the first is still streaming. A finished
   * turn reopens under the same id.
   */
  hold(): void {
    this.holds++;
    if (this.endedAt === null) return;
    this.endedAt = null;
    if (this.declaredStatus === 'interrupted') this.declaredStatus = null;
    this.announce();
  }

  /**
   * Emit a provisional measurement once the opening report is in (after the
   * current task), so that a tab closed mid-answer still leaves a record.
   */
  private announce(): void {
    if (this.provisionalPending) return;
    this.provisionalPending = true;
    queueMicrotask(() => {
      this.provisionalPending = false;
      if (this.endedAt === null) this.emit(this.measurement());
    });
  }

  get ended(): boolean {
    return this.endedAt !== null;
  }

  /** The measurement so far; before the end it is provisional and says `interrupted`. */
  measurement(): Measurement {
    const end = this.endedAt ?? this.now();
    return {
      id: this.id,
      at: this.at,
      kind: this.kindValue,
      model: this.modelId,
      modelSource: this.modelSourceValue,
      // Generating an image or a clip is the task, whatever the words asked for.
      task: this.kindValue === 'text' ? this.task : 'image',
      inputChars: clamp(this.input.chars, LIMITS.chars),
      outputChars: clamp(this.output.chars, LIMITS.chars),
      reasoningChars: clamp(this.thoughts.chars, LIMITS.chars),
      inputTokens: clamp(this.input.tokens, LIMITS.tokens),
      outputTokens: clamp(this.output.tokens, LIMITS.tokens),
      reasoningTokens: clamp(this.thoughts.tokens, LIMITS.tokens),
      images: this.imageCount,
      durationMs: clamp(Math.round(end - this.at), LIMITS.durationMs),
      status: this.endedAt === null ? 'interrupted' : (this.declaredStatus ?? 'interrupted'),
      detector: this.detector,
      adapterVersion: this.adapterVersion,
    };
  }
}

function rank(source: ModelSource): number {
  return MODEL_SOURCES.indexOf(source);
}

function clamp(value: number, max: number): number {
  return Math.min(max, Math.max(0, value));
}

/**
 * Count the part of a cumulative snapshot not counted yet. Snapshots grow; one
 * that got shorter replaced the text (a site rewrote its answer), so start over.
 */
function addSnapshot(tally: TextTally, full: string, countedLength: number): number {
  if (full.length >= countedLength) {
    tally.add(full.slice(countedLength));
  } else {
    tally.reset();
    tally.add(full);
  }
  return full.length;
}
