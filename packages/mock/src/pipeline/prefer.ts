import type { MockChoice } from '../prism-engine.js';

/**
 * What `Prefer` asks of one answer, read once per request by Prism's own reading
 * (`engine.preference`): a status (`code=404`), a named example (`example=ThreeCxProfile`), fake
 * data (`dynamic=true`). Two decisions hang on it, and they differ on purpose:
 */

/** The answer comes from the spec's examples, so a responder (the twin) steps aside. `dynamic=` alone does not: the twin still answers. */
export function picksExample(prefer: MockChoice): boolean {
  return prefer.code !== undefined || prefer.exampleKey !== undefined;
}

/**
 * Static replay leaves the example to Prism (instead of the example of the `_type` sent) when
 * `Prefer` names one, asks for fake data, or asks for a status other than success: `code=201` on a
 * 3CX create still gets the 3CX example.
 */
export function picksStaticAnswer(prefer: MockChoice): boolean {
  return prefer.exampleKey !== undefined || prefer.dynamic !== undefined || (prefer.code !== undefined && (prefer.code < 200 || prefer.code >= 300));
}
