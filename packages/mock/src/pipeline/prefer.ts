import type { Contract, Operation } from '@myreports/pbx-contract';
import type { MockChoice } from '../prism-engine.js';
import { REFUSALS, type Refusal } from '../refusals.js';

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

/**
 * A status or an example `Prefer` names that the operation does not declare, refused with the ones
 * it does (Prism would answer 404, which reads as a missing profile). Names are compared as the
 * spec spells them, never looked up on an object: `example=hasOwnProperty` is just an unknown name.
 * An example is looked for in the answer of `code=`, or of the success status without it, as Prism does.
 */
export function undeclaredChoice(prefer: MockChoice, operation: Operation, contract: Contract): Refusal | undefined {
  const statuses = Object.keys(operation.responses).filter((status) => /^\d{3}$/.test(status));
  if (prefer.code !== undefined && !statuses.includes(String(prefer.code))) return REFUSALS.preferredStatusNotDeclared(prefer.code, statuses);
  if (prefer.exampleKey === undefined) return undefined;
  const status = prefer.code ?? contract.successStatus(operation);
  const bodies = Object.entries(operation.responses).find(([declared]) => declared === String(status))?.[1] ?? {};
  const names = [...new Set(Object.values(bodies).flatMap((body) => body.examples.map((example) => example.name)))];
  return names.includes(prefer.exampleKey) ? undefined : REFUSALS.preferredExampleNotDeclared(prefer.exampleKey, status, names);
}
