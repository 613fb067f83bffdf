/** The outcome of one property. */
export interface PropertyResult {
  name: string;
  description: string;
  /** How many times it was checked (0: the run never reached it, e.g. writes in a read-only run). */
  checks: number;
  status: 'held' | 'failed' | 'not-checked';
}

/** A property that did not hold, with the smallest request sequence fast-check found for it. */
export interface Failure {
  property: string;
  message: string;
  /** The commands of the shrunk sequence (empty for a one-shot check such as the invalid rows). */
  commands: string[];
  /** The requests of that sequence as curl commands, secrets masked. */
  curl: string[];
  /** Replays exactly this sequence: `--seed <seed> --path <path>`. */
  seed: number;
  path?: string;
}

export interface CleanupResult {
  /** Ids deleted at the end of their run or of the session. */
  deleted: string[];
  /** Ids it created and could not delete, with why. */
  leftover: { id: string; reason: string }[];
}

export interface ConformanceReport {
  resource: string;
  /** The base URL (the in-process twin's loopback URL for `--in-process`). */
  target: string;
  inProcess: boolean;
  writes: boolean;
  seed: number;
  runs: number;
  requests: number;
  durationMs: number;
  properties: PropertyResult[];
  failures: Failure[];
  cleanup: CleanupResult;
  /** Stopped by Ctrl-C or an abort signal before the end. */
  interrupted: boolean;
  /** Why some properties were not checked (a read-only run, no customer named). */
  notes: string[];
}

/** True when every property checked held and the run was not interrupted. */
export const passed = (report: ConformanceReport): boolean => report.failures.length === 0 && !report.interrupted;
