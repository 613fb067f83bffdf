import type { Refusal } from '../refusals.js';
import { REFUSALS } from '../refusals.js';

/**
 * Faults and latency on demand, for tests that must show an app survives a slow or failing API.
 * Asked per request with `Prefer` (`delay=300`, `fault=429|503|reset`, `retry-after=2`) or for the
 * whole mock (`--latency 50-200`, `--error-rate 0.1`, `--reset-rate 0.05`). They apply to the API's
 * operations only, never to the mock's own paths, and happen before the request is looked at: a
 * faulted write changes nothing, as a gateway's 503 would.
 */

export interface FaultOptions {
  /** Every answer waits a time drawn from this range, in milliseconds. */
  latency?: { min: number; max: number };
  /** Share of requests answered 503 or 429 (half each) with `Retry-After`. */
  errorRate?: number;
  /** Share of requests whose connection is closed with no answer. */
  resetRate?: number;
  /** Makes the draws repeatable: the same seed and request order give the same faults. */
  seed?: string;
}

/** What `Prefer` asks for one request (the tokens Prism does not read). */
export interface PreferredFaults {
  delay?: number;
  fault?: 429 | 503 | 'reset';
  retryAfter?: number;
}

/** What happens to one request: a wait, then an answer, a fault answer, or a closed connection. */
export interface FaultPlan {
  delayMs: number;
  fault?: { kind: 'answer'; refusal: Refusal } | { kind: 'reset' };
}

/** The longest `Prefer: delay` and `--latency`: a minute (a test that wants longer wants a timeout, which the client has). */
export const MAX_DELAY_MS = 60_000;
const DEFAULT_RETRY_AFTER_S = 1;

/** Reads `delay=`, `fault=` and `retry-after=` from a `Prefer` header; a message naming the bad token otherwise. */
export function readPreferredFaults(prefer: string | undefined): PreferredFaults | string {
  const wanted: PreferredFaults = {};
  if (prefer === undefined) return wanted;
  for (const token of prefer.split(/[,;]/)) {
    const [rawName = '', ...rest] = token.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest.join('=').trim().replace(/^"(.*)"$/, '$1');
    if (name === 'delay') {
      if (!/^\d{1,8}$/.test(value) || Number(value) > MAX_DELAY_MS) return `Prefer delay must be a whole number of milliseconds from 0 to ${MAX_DELAY_MS}, not "${value}".`;
      wanted.delay = Number(value);
    } else if (name === 'fault') {
      if (value === '429' || value === '503') wanted.fault = Number(value) as 429 | 503;
      else if (value === 'reset') wanted.fault = 'reset';
      else return `Prefer fault must be 429, 503 or reset, not "${value}".`;
    } else if (name === 'retry-after') {
      if (!/^\d{1,5}$/.test(value)) return `Prefer retry-after must be a whole number of seconds, not "${value}".`;
      wanted.retryAfter = Number(value);
    }
  }
  if (wanted.retryAfter !== undefined && (wanted.fault === undefined || wanted.fault === 'reset')) return 'Prefer retry-after goes with fault=429 or fault=503.';
  return wanted;
}

/** Decides each request's faults: `Prefer` first, then the mock-wide rates, from one seeded sequence. */
export function faultPlanner(options: FaultOptions): (wanted: PreferredFaults) => FaultPlan {
  const random = seededRandom(options.seed);
  const { latency, errorRate = 0, resetRate = 0 } = options;
  const answer = (status: 429 | 503, retryAfter: number, asked: string): NonNullable<FaultPlan['fault']> => ({
    kind: 'answer',
    refusal: status === 429 ? REFUSALS.faultTooManyRequests(retryAfter, asked) : REFUSALS.faultUnavailable(retryAfter, asked),
  });
  const drawing = !faultsOff(options);
  return (wanted) => {
    // Every draw is taken on every request, so a seed replays the same faults whatever Prefer asked.
    const [latencyDraw, resetDraw, errorDraw, statusDraw] = drawing ? [random(), random(), random(), random()] : [0, 1, 1, 0];
    const delayMs = wanted.delay ?? (latency ? latency.min + Math.floor(latencyDraw * (latency.max - latency.min + 1)) : 0);
    if (wanted.fault === 'reset') return { delayMs, fault: { kind: 'reset' } };
    if (wanted.fault !== undefined) return { delayMs, fault: answer(wanted.fault, wanted.retryAfter ?? DEFAULT_RETRY_AFTER_S, `Prefer: fault=${wanted.fault}`) };
    if (resetDraw < resetRate) return { delayMs, fault: { kind: 'reset' } };
    if (errorDraw < errorRate) return { delayMs, fault: answer(statusDraw < 0.5 ? 503 : 429, DEFAULT_RETRY_AFTER_S, '--error-rate') };
    return { delayMs };
  };
}

/** True when no option asks for a fault or latency: the planner then draws nothing for a request. */
function faultsOff(options: FaultOptions): boolean {
  return options.latency === undefined && !options.errorRate && !options.resetRate;
}

/** mulberry32 on a 32-bit FNV-1a hash of the seed; Math.random without one. Enough for fault draws, not for secrets. */
function seededRandom(seed: string | undefined): () => number {
  if (seed === undefined) return Math.random;
  let state = 0x811c9dc5;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 0x01000193);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
