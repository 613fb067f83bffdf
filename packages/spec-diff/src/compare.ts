// The whole comparison: api-smart-diff (a maintained OpenAPI 3.0/3.1 diff library that classifies
// changes by direction) for operations, parameters, responses and plain schemas, plus the house
// rules below and the `_type` variant check (variants.ts) where the library falls short.
import { apiCompare } from 'api-smart-diff';
import { type Change, dedupe } from './change.js';
import { type Document, isObject, resolve } from './schema.js';
import { documentationEdits } from './documentation.js';
import { compareVariants } from './variants.js';

export interface Report {
  breaking: Change[];
  nonBreaking: Change[];
  /** Changes the library could not classify; printed for a human to judge, never fatal. */
  unclassified: Change[];
  /** Edited descriptions, titles, examples and code samples (each counted once, where it is defined). */
  documentation: number;
}

type Diff = {
  action: 'add' | 'remove' | 'replace' | 'rename';
  path: (string | number)[];
  description?: string;
  type: 'breaking' | 'non-breaking' | 'annotation' | 'unclassified' | 'deprecated';
  before?: unknown;
  after?: unknown;
};

export function compareSpecs(before: Document, after: Document): Report {
  // The library rewrites the documents it is given (it folds discriminators into allOf): give it copies.
  const { diffs } = apiCompare(structuredClone(before), structuredClone(after)) as { diffs: Diff[] };
  const variants = compareVariants(before, after);
  const report: Report = { breaking: [], nonBreaking: [], unclassified: [], documentation: documentationEdits(before, after) };

  const moved = movedWithinBody(diffs, before, after, variants.covered);
  for (const diff of diffs) {
    if (moved.has(diff)) continue;
    // Component diffs repeat the operation-level ones without saying where they matter.
    if (diff.path[0] !== 'paths') continue;
    // Documentation is counted by documentation.ts; the discriminator only mirrors the variants.
    if (diff.type === 'annotation' || diff.path.includes('discriminator') || !inContract(diff.path)) continue;
    const location = locate(diff.path);
    const insideUnion = diff.path.some((key) => key === 'oneOf' || key === 'anyOf');
    if (insideUnion && location.bodyKey && variants.covered.has(location.bodyKey)) continue;
    const change: Change = { breaking: false, where: location.where, what: describe(diff) };
    const verdict = houseVerdict(diff, location.direction, after) ?? diff.type;
    if (verdict === 'breaking') report.breaking.push({ ...change, breaking: true });
    else if (verdict === 'unclassified') report.unclassified.push(change);
    else report.nonBreaking.push(change);
  }
  for (const change of variants.changes) (change.breaking ? report.breaking : report.nonBreaking).push(change);
  report.breaking = dedupe(report.breaking);
  report.nonBreaking = dedupe(report.nonBreaking);
  report.unclassified = dedupe(report.unclassified);
  return report;
}

/**
 * Pairs of a removal and an addition of the same field at the same place of the same body, such as
 * a field that moved from the schema into an `allOf` member: the library reports both, though
 * clients see one field. The pair is left out when the field's content is the same, or when the
 * variant check compares that body field by field (it reports what changed inside).
 */
function movedWithinBody(diffs: Diff[], before: Document, after: Document, covered: Set<string>): Set<Diff> {
  const placeOf = (diff: Diff) => `${locate(diff.path).where}|${fieldPath(diff.path)}`;
  const added = new Map<string, Diff[]>();
  for (const diff of diffs) if (diff.action === 'add') added.set(placeOf(diff), [...(added.get(placeOf(diff)) ?? []), diff]);
  const moved = new Set<Diff>();
  for (const diff of diffs) {
    if (diff.action !== 'remove') continue;
    const bodyKey = locate(diff.path).bodyKey;
    const same = (twin: Diff) => JSON.stringify(contractOnly(diff.before, before)) === JSON.stringify(contractOnly(twin.after, after));
    const twin = added.get(placeOf(diff))?.find((candidate) => !moved.has(candidate) && ((bodyKey !== undefined && covered.has(bodyKey)) || same(candidate)));
    if (twin) moved.add(diff).add(twin);
  }
  return moved;
}

/** A value with its `$ref`s resolved and without its documentation (descriptions, examples, extensions). */
function contractOnly(value: unknown, doc: Document, seen: Set<unknown> = new Set()): unknown {
  if (Array.isArray(value)) return value.map((item) => contractOnly(item, doc, seen));
  const object = isObject(value) ? resolve(value, doc) : undefined;
  if (!object) return value;
  if (seen.has(object)) return '(recursive)';
  const inner = new Set(seen).add(object);
  return Object.fromEntries(
    Object.entries(object)
      .filter(([key]) => !key.startsWith('x-') && !['description', 'title', 'example', 'examples'].includes(key))
      .map(([key, nested]) => [key, contractOnly(nested, doc, inner)]),
  );
}

/**
 * Whether a diff is about the contract: extensions (`x-source`, `x-codeSamples`…) and examples are
 * documentation (counted by documentation.ts), and a `$ref` that now points at an equal schema, or
 * an inlined one, changes nothing for clients (the library reports what the schema says apart).
 */
function inContract(path: Diff['path']): boolean {
  return !path.some((key) => typeof key === 'string' && (key.startsWith('x-') || key === 'examples' || key === 'example')) && path.at(-1) !== '$ref';
}

/**
 * Where the library's classification differs from this API's contract, for responses: it calls
 * removing an optional response field, or changing a response field's type or constant, harmless
 * (the new schema still validates old clients' assumptions in the JSON Schema sense), but a client
 * that reads the field breaks. It also calls a removed `oneOf` member of a response harmless.
 * In requests, a new required parameter is always breaking.
 */
function houseVerdict(diff: Diff, direction: 'request' | 'response' | undefined, after: Document): Diff['type'] | undefined {
  if (direction === 'request') return requiredParameterAdded(diff, after) ? 'breaking' : undefined;
  if (direction !== 'response') return undefined;
  const key = diff.path.at(-1);
  const parent = diff.path.at(-2);
  if (diff.action === 'remove' && parent === 'properties') return 'breaking';
  if (diff.action === 'remove' && (parent === 'oneOf' || parent === 'anyOf')) return 'breaking';
  if (diff.action === 'replace' && (key === 'type' || key === 'const')) return 'breaking';
  return undefined;
}

/** A new required parameter without a default: calls that worked without it now fail. The library
 * says so too, except when the new parameter looks like a rename of a removed one. */
function requiredParameterAdded(diff: Diff, after: Document): boolean {
  if (diff.action !== 'add' || diff.path[3] !== 'parameters' || diff.path.length !== 5) return false;
  const parameter = resolve(diff.after, after);
  return parameter?.['required'] === true && resolve(parameter['schema'], after)?.['default'] === undefined;
}

interface Location {
  where: string;
  direction?: 'request' | 'response';
  /** Same key as variants.ts uses for a body, so a body the variant check covers is not reported twice. */
  bodyKey?: string;
}

function locate(path: Diff['path']): Location {
  const [, url, method, part, ...rest] = path.map(String);
  const operation = method ? `${method.toUpperCase()} ${url}` : `path ${url}`;
  if (part === 'requestBody') {
    const mediaType = rest[0] === 'content' ? rest[1] : undefined;
    return mediaType
      ? { where: `${operation} request body (${mediaType})`, direction: 'request', bodyKey: `${operation}|request|${mediaType}` }
      : { where: `${operation} request body`, direction: 'request' };
  }
  if (part === 'responses') {
    const status = rest[0];
    const mediaType = rest[1] === 'content' ? rest[2] : undefined;
    if (status === undefined) return { where: `${operation} responses`, direction: 'response' };
    return mediaType
      ? { where: `${operation} response ${status} (${mediaType})`, direction: 'response', bodyKey: `${operation}|${status}|${mediaType}` }
      : { where: `${operation} response ${status}`, direction: 'response' };
  }
  if (part === 'parameters') return { where: `${operation} parameters`, direction: 'request' };
  return { where: operation };
}

/**
 * The sentence of a change: the house wording ("field `data.tenantId` removed", "operation added",
 * as in shapes.ts) for fields and operations, which the changelog sorts by kind; else the library's
 * own sentence; else one built from the diff's path.
 */
function describe(diff: Diff): string {
  const past = { add: 'added', remove: 'removed', replace: 'replaced', rename: 'renamed' }[diff.action];
  if (diff.path.length === 3 && (diff.action === 'add' || diff.action === 'remove')) return `operation ${past}`;
  const field = fieldPath(diff.path);
  if (diff.path.at(-2) === 'properties' && (diff.action === 'add' || diff.action === 'remove')) return `field \`${field}\` ${past}`;
  const keyword = diff.path.at(-1);
  if (typeof keyword === 'string' && CONSTRAINTS.has(keyword) && diff.path.includes('schema')) {
    const show = (value: unknown) => (value === undefined ? 'none' : JSON.stringify(value));
    const subject = fieldPath(diff.path.slice(0, -1));
    return `${subject ? `field \`${subject}\`` : 'the body'}: ${keyword} ${show(diff.before)} → ${show(diff.after)}`;
  }
  const text = diff.description?.replace(/ (in|from|to) (Request Body|Response \d+) content \([^)]*\)$/, '').trim();
  // After a schema's first mention the library leaves the change out of its sentence ("in Response 201…").
  if (text && !text.startsWith('in ')) return text;
  return `[${past[0]!.toUpperCase()}${past.slice(1)}] ${field || 'schema'}`;
}

/** Keywords whose change the library words differently at each mention; said like shapes.ts does. */
const CONSTRAINTS = new Set(['type', 'format', 'pattern', 'const', 'multipleOf', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'minProperties', 'maxProperties']);

/** `data.tenantId`: the property names on the way from the body's schema to the change. */
function fieldPath(path: Diff['path']): string {
  const schemaAt = path.indexOf('schema');
  return (schemaAt >= 0 ? path.slice(schemaAt + 1) : path.slice(3))
    .filter((key) => !['properties', 'allOf', 'oneOf', 'anyOf'].includes(String(key)) && !/^\d+$/.test(String(key)))
    .join('.');
}
