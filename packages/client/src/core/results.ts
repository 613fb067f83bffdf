// What the methods resolve to: the envelope's `data` as the API sent it (plain JSON: serialise it,
// store it, clone it, nothing is hidden or lost), its `timestamp` beside it, and the raw Response for
// whoever needs headers. To log data that holds secrets, pass it through `redactSecrets` first.
export interface PbxResult<T> {
  /** The envelope's `data` (`undefined` for patch and delete, whose envelope has none). */
  readonly data: T;
  /** The envelope's `timestamp`: server time in the .NET round-trip format. */
  readonly timestamp: string;
  /** The raw response (its body already read). Not enumerable, so it stays out of JSON and logs. */
  readonly response: Response;
}

/** The result of create: also the new profile's `id` and URL. */
export interface PbxCreatedResult<T> extends PbxResult<T> {
  /** The new profile's id: the last segment of `location`. */
  readonly id: string;
  /** The `Location` header: the absolute URL of the new profile. */
  readonly location: string;
}

export function result<T>(data: T, timestamp: string, response: Response, location?: string | null): PbxResult<T> {
  const value = location ? { data, timestamp, id: location.replace(/[?#].*|\/+$/g, '').split('/').pop(), location } : { data, timestamp };
  return Object.defineProperty(value, 'response', { value: response }) as PbxResult<T>;
}
