import type { RawRequest, Reply } from '../reply.js';
import { SECRET_NAMES, maskQuery } from '../request-log.js';

/**
 * The request journal: the last exchanges of the API's operations, so a test can ask what its code
 * sent ("one create, with these settings") instead of guessing from the state. Bounded: at most
 * `size` entries (the oldest go first), and a request body is kept only up to BODY_BYTES.
 * Recording is a push of what the pipeline already holds; secrets are masked when an entry is read.
 */

/** Bodies larger than this are not kept, only their size: 1,000 entries stay within about 16 MiB. */
export const BODY_BYTES = 16 * 1024;
export const DEFAULT_JOURNAL_SIZE = 1000;

export interface JournalEntry {
  /** When the request reached the mock (ISO 8601). */
  at: string;
  /** The spec's operation, or null for a path or method that is not the API's. */
  operationId: string | null;
  method: string;
  /** Path, with query values masked (`instanceId` may be a 3CX licence key). */
  path: string;
  status: number;
  /** Time the mock took, fault delays included. */
  durationMs: number;
  /** The JSON body sent, every secret (`apiKey`, `password`, `licenseKey`, patch values on them) as "<redacted>"; absent when none. */
  requestBody?: unknown;
  /** Set instead of `requestBody` when the body was not kept: larger than 16 KiB, or not JSON. */
  requestBodyBytes?: number;
  /** The `x-mock-session` the request named, if any. */
  session?: string;
}

export interface JournalFilter {
  operationId?: string;
  /** An exact status (`404`) or a class (`4xx`). */
  status?: string;
  session?: string;
}

interface Recorded {
  at: number;
  operationId: string | null;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  body: Buffer;
  session: string | undefined;
  /** Set when the body was too large to keep. */
  bodyBytes?: number;
}

const EMPTY = Buffer.alloc(0);

export interface Journal {
  record(entry: Recorded): void;
  read(filter?: JournalFilter): JournalEntry[];
  clear(session?: string): void;
  readonly size: number;
}

export function createJournal(size: number): Journal {
  // A ring: writes never move the older entries.
  const ring: (Recorded | undefined)[] = new Array(size);
  let next = 0;
  let count = 0;
  return {
    size,
    record(entry) {
      if (size === 0) return;
      // A copy: the request's buffer may be a view on a larger one that the journal must not keep alive.
      ring[next] = entry.body.length > BODY_BYTES ? { ...entry, body: EMPTY, bodyBytes: entry.body.length } : { ...entry, body: Buffer.from(entry.body) };
      next = (next + 1) % size;
      count = Math.min(count + 1, size);
    },
    read(filter = {}) {
      const entries: JournalEntry[] = [];
      for (let index = 0; index < count; index += 1) {
        const recorded = ring[(next - count + index + size) % size];
        if (recorded && matches(recorded, filter)) entries.push(present(recorded));
      }
      return entries;
    },
    clear(session) {
      for (let index = 0; index < size; index += 1) {
        if (session === undefined || ring[index]?.session === session) ring[index] = undefined;
      }
      if (session === undefined) count = 0;
    },
  };
}

/** A problem with a filter's value, worded for the 400 envelope; undefined when it is fine. */
export function filterProblem(filter: JournalFilter): string | undefined {
  if (filter.status !== undefined && !/^[1-5](\d\d|xx)$/i.test(filter.status)) return `query parameter status must be a status (404) or a class (4xx), not "${filter.status}".`;
  return undefined;
}

function matches(entry: Recorded, filter: JournalFilter): boolean {
  if (filter.operationId !== undefined && entry.operationId !== filter.operationId) return false;
  if (filter.session !== undefined && entry.session !== filter.session) return false;
  if (filter.status !== undefined) {
    const wanted = filter.status.toLowerCase();
    if (wanted.endsWith('xx') ? String(entry.status)[0] !== wanted[0] : String(entry.status) !== wanted) return false;
  }
  return true;
}

function present(entry: Recorded): JournalEntry {
  const shown: JournalEntry = {
    at: new Date(entry.at).toISOString(),
    operationId: entry.operationId,
    method: entry.method,
    path: entry.path,
    status: entry.status,
    durationMs: entry.durationMs,
    ...(entry.session === undefined ? {} : { session: entry.session }),
  };
  if (entry.bodyBytes !== undefined) return { ...shown, requestBodyBytes: entry.bodyBytes };
  if (entry.body.length === 0) return shown;
  try {
    return { ...shown, requestBody: redact(JSON.parse(entry.body.toString('utf8'))) };
  } catch {
    return { ...shown, requestBodyBytes: entry.body.length };
  }
}

const SECRET = new RegExp(`^(?:${SECRET_NAMES})$`, 'i');
const SECRET_PATH = new RegExp(`/(?:${SECRET_NAMES})$`, 'i');

/** Every value under a secret's name, and the value of a JSON Patch operation on a secret's path, as "<redacted>". */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  const patchOnSecret = typeof object['path'] === 'string' && SECRET_PATH.test(object['path']) && 'value' in object;
  return Object.fromEntries(
    Object.entries(object).map(([key, inner]) => [key, SECRET.test(key) || (patchOnSecret && key === 'value') ? '<redacted>' : redact(inner)]),
  );
}

/** The pipeline with each exchange recorded in the journal (nothing recorded when its size is 0). */
export function journaled(journal: Journal, pipeline: (raw: RawRequest) => Promise<Reply>): (raw: RawRequest) => Promise<Reply> {
  if (journal.size === 0) return pipeline;
  return async (raw) => {
    const at = Date.now();
    const started = performance.now();
    const reply = await pipeline(raw);
    const session = raw.headers['x-mock-session'];
    journal.record({
      at,
      operationId: reply.operationId ?? null,
      method: raw.method,
      path: maskQuery(raw.url),
      status: reply.status,
      durationMs: Math.round(performance.now() - started),
      body: raw.body,
      session: typeof session === 'string' ? session : undefined,
    });
    return reply;
  };
}
