import { type Contract, type Json, createBodyExplainer } from '@myreports/pbx-contract';

/** What is wrong with a profile read from a file, each reason prefixed with `where` (empty: valid). */
export type ProfileCheck = (value: unknown, where: string) => string[];

/**
 * Checks a profile against the response schema get returns (`AnyPbxConnectionProfile`), with the
 * contract's reader and its one validator: a documented `_type` against its own variant, any
 * other against `OtherPbxConnectionProfile`, so that each reason is about the profile's own type.
 */
export function createProfileCheck(contract: Contract): ProfileCheck {
  const explain = createBodyExplainer(contract.document, contract.validator);
  const documented = contract.resolve({ $ref: '#/components/schemas/PbxConnectionProfile' }) ?? {};
  const types = new Set(Object.keys(((documented.discriminator as Json | undefined)?.mapping as Json | undefined) ?? {}));
  const schemaOf = (value: unknown): Json =>
    isObject(value) && typeof value._type === 'string' && types.has(value._type)
      ? { $ref: '#/components/schemas/PbxConnectionProfile' }
      : { $ref: '#/components/schemas/OtherPbxConnectionProfile' };
  // The explainer speaks of a request body; here the value is an item of a file.
  return (value, where) =>
    explain(schemaOf(value), value).map((reason) => reason.replace(/^body field /, `${where}/`).replace(/^the body/, where));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
