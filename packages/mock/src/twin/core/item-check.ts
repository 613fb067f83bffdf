import { type Contract, type Json, branchesOf, createBodyExplainer } from '@myreports/pbx-contract';

/** What is wrong with an item read from a file, each reason prefixed with `where` (empty: valid). */
export type ItemCheck = (value: unknown, where: string) => string[];

/**
 * Checks an item against the schema the spec gives it (the data of its get answer), with the
 * contract's explainer and its one validator. Where that schema is a `oneOf` of a discriminated
 * `oneOf` and a catch-all (`AnyPbxConnectionProfile`), the item is checked against the branch its
 * tag selects, so that each reason is about the item's own type, not about every other type.
 */
export function createItemCheck(contract: Contract, schema: Json): ItemCheck {
  const explain = createBodyExplainer(contract.document, contract.validator);
  // The explainer speaks of a request body; here the value is an item of a file.
  return (value, where) =>
    explain(narrowed(contract, schema, value), value).map((reason) => reason.replace(/^body field /, `${where}/`).replace(/^the body/, where));
}

/** The branch of an undiscriminated `oneOf` the value belongs to: the one whose discriminator maps its tag, else the catch-all. */
function narrowed(contract: Contract, schema: Json, value: unknown): Json {
  const branches = branchesOf(contract.document, schema);
  if (!branches || schema.discriminator !== undefined) return schema;
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const tagged = branches.filter((branch) => branch.discriminator !== undefined);
  const chosen = tagged.find((branch) => {
    const { propertyName, mapping } = branch.discriminator as { propertyName: string; mapping?: Json };
    return typeof record[propertyName] === 'string' && Object.hasOwn(mapping ?? {}, record[propertyName] as string);
  });
  const rest = branches.filter((branch) => branch.discriminator === undefined);
  return chosen ?? (rest.length === 1 ? rest[0]! : schema);
}
