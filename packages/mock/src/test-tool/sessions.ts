import type { RawRequest } from '../reply.js';
import type { Twin } from '../twin/index.js';

/**
 * Isolated sessions: a request that names `x-mock-session: <name>` reads and writes a twin of its
 * own, started from the same seed, so parallel test workers sharing one mock never see each other's
 * items. Bounded: at most `max` sessions, each with its own item and byte caps; past the cap a new
 * name is refused (existing sessions go on). A reset without the header drops every session.
 */
export const SESSION_HEADER = 'x-mock-session';
export const DEFAULT_MAX_SESSIONS = 32;
/** Stored JSON per session: 32 sessions stay within 256 MiB. */
export const SESSION_BYTES = 8 * 1024 * 1024;
const NAME = /^[A-Za-z0-9._-]{1,64}$/;

export interface Sessions {
  /** The session a request names: undefined for none, or a problem to answer with (a bad name, the cap). */
  nameOf(request: RawRequest): { name: string | undefined; problem?: undefined } | { problem: 'name' | 'cap'; name: string };
  /** The session's twin, created on first use. */
  twin(name: string): Promise<Twin>;
  /** The twin of a session already in use (the responder runs synchronously, after `twin()`). */
  existing(name: string): Twin | undefined;
  /** Drops one session, or every one. */
  drop(name?: string): void;
  readonly count: number;
}

export function createSessions(max: number, create: () => Promise<Twin>): Sessions {
  const pending = new Map<string, Promise<Twin>>();
  const ready = new Map<string, Twin>();
  return {
    nameOf(request) {
      const value = request.headers[SESSION_HEADER];
      if (value === undefined) return { name: undefined };
      const name = Array.isArray(value) ? value.join(',') : value;
      if (!NAME.test(name)) return { problem: 'name', name };
      if (!pending.has(name) && pending.size >= max) return { problem: 'cap', name };
      return { name };
    },
    twin(name) {
      let twin = pending.get(name);
      if (!twin) {
        twin = create().then((created) => (pending.get(name) === twin && ready.set(name, created), created));
        pending.set(name, twin);
        // A failed start is not kept: the next request tries again.
        twin.catch(() => pending.get(name) === twin && pending.delete(name));
      }
      return twin;
    },
    existing: (name) => ready.get(name),
    drop(name) {
      if (name === undefined) {
        pending.clear();
        ready.clear();
      } else {
        pending.delete(name);
        ready.delete(name);
      }
    },
    get count() {
      return pending.size;
    },
  };
}
