// What the methods resolve to: the envelope's `data` unwrapped, its `timestamp` beside it, and the raw
// Response for whoever needs headers. Printing or serialising a result never shows a secret.
import { hideSecrets, INSPECT, redactValue } from './redaction.js';

export class PbxResult<T> {
  /** The envelope's `data` (`undefined` for patch and delete, whose envelope has none). */
  declare readonly data: T;
  /** The envelope's `timestamp`: server time in the .NET round-trip format. */
  declare readonly timestamp: string;
  /** The raw response. Not enumerable, so it stays out of logs. */
  declare readonly response: Response;

  /** `location` is create's `Location` header; the new profile's `id` is its last path segment. */
  constructor(data: T, timestamp: string, response: Response, location?: string | null) {
    Object.assign(this, { data: hideSecrets(data), timestamp }, location && { location, id: location.replace(/[?#].*|\/+$/g, '').split('/').pop() });
    Object.defineProperty(this, 'response', { value: response });
  }

  toJSON(): Record<string, unknown> {
    return { ...(this as object), data: redactValue(this.data) };
  }

  [INSPECT](): Record<string, unknown> {
    return this.toJSON();
  }
}

/** The result of create: also the new profile's `id` and URL. */
export type PbxCreatedResult<T> = PbxResult<T> & {
  /** The new profile's id: the last segment of `location`. */
  readonly id: string;
  /** The `Location` header: the absolute URL of the new profile. */
  readonly location: string;
};
