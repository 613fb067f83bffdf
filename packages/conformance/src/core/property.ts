/** One property a run checks, named as reports print it. */
export interface PropertyDefinition {
  /** Kebab-case, stable: reports, tests and `--property` use it. */
  name: string;
  /** One sentence: what holds when the API behaves as the spec says. */
  description: string;
}

import type { Exchange } from './session.js';

/** A property did not hold. fast-check shrinks the sequence that threw it. */
export class PropertyViolation extends Error {
  override name = 'PropertyViolation';
  /** The answer that broke it, when one did (the spec check): printed when there is no sequence. */
  exchange: Exchange | undefined;
  constructor(
    readonly property: string,
    message: string,
  ) {
    super(message);
  }
}

/** The run was stopped (Ctrl-C, an abort signal): not a property failure. */
export class RunInterrupted extends Error {
  override name = 'RunInterrupted';
}

/**
 * Counts the checks of each property and turns a failed one into a `PropertyViolation`. A muted
 * property is still checked and its first violation kept, but the run goes on: that is how one
 * run finds every property a target breaks (`keepGoing`).
 */
export class Checker {
  readonly checks = new Map<string, number>();
  readonly mutedViolations = new Map<string, string>();

  constructor(private readonly muted: ReadonlySet<string> = new Set()) {}

  check(property: string, holds: boolean, message: () => string): void {
    this.checks.set(property, (this.checks.get(property) ?? 0) + 1);
    if (holds) return;
    if (!this.muted.has(property)) throw new PropertyViolation(property, message());
    if (!this.mutedViolations.has(property)) this.mutedViolations.set(property, message());
  }
}
