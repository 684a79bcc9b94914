import { LIMITS } from '../event';
import { parseJson } from '../capture/sse';
import type { ResponseReader, StreamEnd, TurnReport } from './types';

/**
 * Image and video sites (Midjourney, Leonardo, Ideogram, Firefly) answer a
 * generation request with a short JSON acknowledgement, a job id, and render
 * the pictures afterwards over channels we do not read. One request is one
 * generation, counted when the site accepts the job: the work is then queued
 * whether or not the user waits for it.
 */

/** What a site's acknowledgement says about the job. */
export interface JobVerdict {
  /** Accepted (a job id came back), refused (an error came back), or the answer said neither. */
  readonly accepted: boolean | null;
  /** The images or clips the site says the job makes, when it says. */
  readonly count?: number;
}

/** Acknowledgements are a few kB; a longer body is not one and is not kept. */
const MAX_ANSWER = 256 * 1024;

/**
 * Reads one acknowledgement into the turn. Accepted: the job's count (the
 * site's, else the request's) and `complete`. Refused or an HTTP error: no
 * images, `error`. Unreadable (cut short, not JSON): the requested count and,
 * with no status declared, `interrupted`, since the job may well run.
 */
export function readJobAnswer(
  turn: TurnReport,
  requested: number,
  judge: (answer: unknown, requested: number) => JobVerdict,
): ResponseReader {
  let httpStatus = 200;
  let body = '';
  let tooLong = false;
  return {
    start(status) {
      httpStatus = status;
    },
    chunk(text) {
      if (tooLong) return;
      if (body.length + text.length > MAX_ANSWER) {
        tooLong = true;
        body = '';
        return;
      }
      body += text;
    },
    end(how: StreamEnd) {
      // The tap has already marked an HTTP error; a refused job made nothing.
      if (httpStatus >= 400) return;
      const verdict: JobVerdict = how === 'eof' && !tooLong ? judge(parseJson(body), requested) : { accepted: null };
      body = '';
      if (verdict.accepted === false) {
        turn.status('error');
        return;
      }
      turn.images(verdict.count ?? requested);
      if (verdict.accepted) turn.status('complete');
    },
  };
}

/** A count of images or clips a site states: a whole number from 1 to LIMITS.images, else undefined. */
export function countOf(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return Number.isInteger(number) && (number as number) >= 1 ? Math.min(number as number, LIMITS.images) : undefined;
}

/**
 * A site's version string in the stored id's alphabet: lower case, `_`
 * between digits read as a dot ("V_3_1" is "v3.1"), other `_` as a dash
 * (the stored form has no `_`, see MODEL_ID_PATTERN).
 */
export function readableVersion(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/^v_/, 'v')
    .replace(/(\d)_(?=\d)/g, '$1.')
    .replace(/_/g, '-');
}
