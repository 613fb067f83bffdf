/** One difference between two versions of the spec, in the words the report prints. */
export interface Change {
  /** Whether an existing client (or the published types) can break on it. */
  breaking: boolean;
  /** The operation and the part of it, e.g. `POST /v1.0/pbxs request body (application/json)`. */
  where: string;
  /** What changed and, for a breaking change, why it breaks. */
  what: string;
}

/** Request: what the API accepts from clients. Response: what clients must be able to read. */
export type Direction = 'request' | 'response';

export function dedupe(changes: Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((change) => {
    const key = `${change.breaking}|${change.where}|${change.what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
