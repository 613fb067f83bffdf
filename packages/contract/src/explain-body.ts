import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Json, OpenApiDocument } from './document.js';
import { resolveRef } from './refs.js';
import type { SpecValidator } from './validator.js';
import { type Tag, branchesOf, discriminatingMembers, selectVariant } from './variants.js';

/**
 * Says which body field is wrong and why, one phrase per problem (`body field licenseKey is
 * required`), or nothing for a valid body.
 *
 * A plain validator's list mixes the errors of every branch of a `oneOf` (a Kazoo body missing
 * `hostRest` also "lacks" every 3CX field). This walks the schema along the body, picks the branch
 * the body's `const` members select (`_type`; `op` and `path` for a JSON Patch operation), and
 * reports only that branch's errors, in the schema's order.
 */
export function createBodyExplainer(document: OpenApiDocument, validator: SpecValidator): (schema: unknown, body: unknown) => string[] {
  const withoutItems = new WeakMap<Json, Json>();

  const explain = (node: unknown, value: unknown, path: string[]): string[] => {
    const schema = resolveRef(document, node) ?? {};
    const branches = branchesOf(document, schema);
    if (branches) {
      const tags = discriminatingMembers(document, branches);
      if (!isObject(value) && branches.every((branch) => branch.type === 'object')) {
        const tag = tags[0];
        return [`${where(path)} must be a JSON object${tag ? ` with ${tag.name} ${oneOf(tag.values)}` : ''}`];
      }
      if (isObject(value) && tags.length > 0) {
        const selected = selectVariant(tags, branches.length, value);
        if (selected >= 0) {
          const errors = explain(branches[selected], value, path);
          // One error explains itself; several may mean the tag itself is the mistake.
          return errors.length > 1 ? [...mistypedHint(branches, selected, tags, value, path), ...errors] : errors;
        }
        const misfits = tags.filter((tag) => !tag.values.includes(value[tag.name]));
        if (misfits.length > 0) {
          return misfits.map((tag) =>
            Object.prototype.hasOwnProperty.call(value, tag.name)
              ? `${where([...path, tag.name])} must be ${oneOf(tag.values)}`
              : `${where([...path, tag.name])} is required (${oneOf(tag.values)})`,
          );
        }
      }
    }
    if (schema.type === 'array' && schema.items && Array.isArray(value)) {
      let own = withoutItems.get(schema);
      if (!own) {
        own = { ...schema, items: true };
        withoutItems.set(schema, own);
      }
      const arrayErrors = describe(validator.compile(own), value, path);
      return [...arrayErrors, ...value.flatMap((item, index) => explain(schema.items, item, [...path, String(index)]))];
    }
    return describe(validator.compile(schema), value, path);
  };

  /**
   * "`_type` says 3CX but the fields are Kazoo's": when exactly one other branch would accept the body
   * (a string `value` fits every JSON Patch operation on a string field: naming them all helps nobody).
   */
  const mistypedHint = (branches: Json[], selected: number, tags: Tag[], value: Record<string, unknown>, path: string[]): string[] => {
    const retagged = (index: number) => ({ ...value, ...Object.fromEntries(tags.map((tag) => [tag.name, tag.values[index]])) });
    const fitting = branches.flatMap((branch, index) => (index !== selected && validator.compile(branch)(retagged(index)) ? [index] : []));
    if (fitting.length !== 1) return [];
    const [index] = fitting as [number];
    return tags
      .filter((tag) => tag.values[index] !== tag.values[selected])
      .map((tag) => `${where([...path, tag.name])} is ${JSON.stringify(value[tag.name])} but the other fields are those of ${JSON.stringify(tag.values[index])}`);
  };

  return (schema, body) => [...new Set(explain(schema, body, []))];
}

function describe(validate: ValidateFunction, value: unknown, path: string[]): string[] {
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const merged = new Set<ErrorObject>();
  const alternatives = new Map<ErrorObject, string>();
  for (const union of errors) {
    const phrase = union.keyword === 'anyOf' || union.keyword === 'oneOf' ? scalarAlternatives(union, errors) : undefined;
    if (phrase === undefined) continue;
    alternatives.set(union, phrase.reason);
    for (const error of phrase.from) merged.add(error);
  }
  return errors.flatMap((error) => {
    if (merged.has(error)) return [];
    const at = [...path, ...error.instancePath.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))];
    const text = alternatives.has(error) ? { reason: alternatives.get(error)! } : reason(error);
    if (text === undefined) return [];
    return [text.field !== undefined ? `${where([...at, text.field])} ${text.reason}` : `${where(at)} ${text.reason}`];
  });
}

/**
 * A value that fits no branch of an `anyOf` of scalars (`LenientBoolean`: a boolean, or "true" or
 * "false") is one problem about the value, said once with what it may be: `must be of type boolean,
 * or one of "true", "false"`. Undefined when a branch's errors lie deeper (an object's fields),
 * which the branch's own errors say better.
 */
function scalarAlternatives(union: ErrorObject, errors: ErrorObject[]): { reason: string; from: ErrorObject[] } | undefined {
  const from = errors.filter((error) => error.schemaPath.startsWith(`${union.schemaPath}/`));
  if (from.length === 0 || from.some((error) => error.instancePath !== union.instancePath || !['type', 'enum', 'const'].includes(error.keyword))) return undefined;
  const branches = new Map<string, ErrorObject>();
  for (const error of from) {
    const branch = error.schemaPath.slice(union.schemaPath.length + 1).split('/')[0]!;
    // A branch's allowed values say more than its type.
    if (!branches.has(branch) || error.keyword !== 'type') branches.set(branch, error);
  }
  return { reason: `must be ${[...branches.values()].map((error) => reason(error)!.reason.replace(/^must be /, '')).join(', or ')}`, from };
}

function reason(error: ErrorObject): { field?: string; reason: string } | undefined {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: String(params.missingProperty), reason: 'is required' };
    case 'additionalProperties':
      return { field: String(params.additionalProperty), reason: 'is not allowed' };
    case 'const':
      return { reason: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'enum':
      return { reason: `must be ${oneOf(params.allowedValues as unknown[])}` };
    case 'type':
      return { reason: `must be of type ${String(params.type).replace(',', ' or ')}` };
    case 'format':
      return { reason: `must be a valid ${String(params.format)}` };
    case 'pattern':
      return { reason: `must match the pattern ${String(params.pattern)}` };
    case 'minLength':
      return { reason: params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long` };
    case 'maxLength':
      return { reason: `must be at most ${String(params.limit)} characters long` };
    case 'minItems':
      return { reason: `must hold at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'maxItems':
      return { reason: `must hold at most ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'oneOf':
    case 'anyOf':
      // The branches' own errors say more.
      return undefined;
    default:
      return { reason: error.message ?? `is invalid (${error.keyword})` };
  }
}

function where(path: string[]): string {
  return path.length === 0 ? 'the body' : `body field ${path.join('/')}`;
}

function oneOf(values: unknown[]): string {
  const unique = [...new Set(values)].map((value) => JSON.stringify(value));
  return unique.length === 1 ? unique[0]! : `one of ${unique.join(', ')}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
