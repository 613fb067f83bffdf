// Direction-aware comparison of two object schemas, field by field.
// Request schemas say what the API accepts: narrowing them breaks clients that send what was valid.
// Response schemas say what clients read: removing, loosening or retyping a field breaks readers.
import type { Direction } from './change.js';
import { type Document, type Schema, asArray, isObjectSchema, objectShape, resolve } from './schema.js';

export interface Finding {
  breaking: boolean;
  what: string;
}

interface Sides {
  before: Document;
  after: Document;
  direction: Direction;
}

export function compareObjects(before: unknown, after: unknown, sides: Sides, prefix = ''): Finding[] {
  const a = objectShape(before, sides.before);
  const b = objectShape(after, sides.after);
  const request = sides.direction === 'request';
  const findings: Finding[] = [];
  const field = (name: string) => `\`${prefix}${name}\``;

  for (const name of a.properties.keys()) {
    if (b.properties.has(name)) continue;
    if (request) {
      findings.push(
        a.closed
          ? { breaking: true, what: `field ${field(name)} removed: the API now rejects requests that send it` }
          : { breaking: false, what: `field ${field(name)} no longer described (still accepted: the object is open)` },
      );
    } else {
      findings.push({ breaking: true, what: `field ${field(name)} removed: clients that read it get nothing` });
    }
  }
  for (const name of b.properties.keys()) {
    if (a.properties.has(name)) continue;
    if (request && b.required.has(name)) {
      findings.push({ breaking: true, what: `required field ${field(name)} added: requests without it are now rejected` });
    } else {
      findings.push({ breaking: false, what: `${request ? 'optional ' : ''}field ${field(name)} added` });
    }
  }
  for (const [name, previous] of a.properties) {
    const next = b.properties.get(name);
    if (!next) continue;
    const wasRequired = a.required.has(name);
    const isRequired = b.required.has(name);
    if (!wasRequired && isRequired) {
      findings.push(
        request
          ? { breaking: true, what: `field ${field(name)} is now required: requests without it are now rejected` }
          : { breaking: false, what: `field ${field(name)} is now always returned` },
      );
    } else if (wasRequired && !isRequired) {
      findings.push(
        request
          ? { breaking: false, what: `field ${field(name)} is now optional` }
          : { breaking: true, what: `field ${field(name)} is no longer always returned: clients that rely on it may get nothing` },
      );
    }
    if (previous['deprecated'] !== true && next['deprecated'] === true) {
      findings.push({ breaking: false, what: `field ${field(name)} deprecated` });
    } else if (previous['deprecated'] === true && next['deprecated'] !== true) {
      findings.push({ breaking: false, what: `field ${field(name)} no longer deprecated` });
    }
    findings.push(...compareValues(previous, next, sides, `${prefix}${name}`));
  }
  if (request && !a.closed && b.closed) {
    findings.push({ breaking: true, what: `${prefix ? `\`${prefix.slice(0, -1)}\`` : 'the body'} no longer accepts unknown fields` });
  }
  return findings;
}

/** Compares the value constraints of one field (and recurses into objects and array items). */
export function compareValues(before: unknown, after: unknown, sides: Sides, field: string): Finding[] {
  const a = resolve(before, sides.before) ?? {};
  const b = resolve(after, sides.after) ?? {};
  const findings: Finding[] = [];
  if (isObjectSchema(a, sides.before) || isObjectSchema(b, sides.after)) {
    findings.push(...compareObjects(a, b, sides, `${field}.`));
  }
  if (a['items'] !== undefined || b['items'] !== undefined) {
    findings.push(...compareValues(a['items'], b['items'], sides, `${field}[]`));
  }
  for (const difference of constraintDifferences({ schema: a, doc: sides.before }, { schema: b, doc: sides.after })) {
    // A narrower value set breaks senders (requests); a wider or different one breaks readers (responses).
    const breaking =
      difference.effect === 'different' ||
      (difference.effect === 'narrower' && sides.direction === 'request') ||
      (difference.effect === 'wider' && sides.direction === 'response');
    const consequence = !breaking
      ? ''
      : sides.direction === 'request'
        ? ': values that were valid are now rejected'
        : ': clients may now receive values they do not expect';
    findings.push({ breaking, what: `field \`${field}\`: ${difference.what}${consequence}` });
  }
  return findings;
}

interface ConstraintDifference {
  what: string;
  /** narrower: fewer values valid; wider: more values valid; different: neither contains the other. */
  effect: 'narrower' | 'wider' | 'different';
}

const UPPER_BOUNDS = ['maxLength', 'maxItems', 'maximum', 'exclusiveMaximum', 'maxProperties'];
const LOWER_BOUNDS = ['minLength', 'minItems', 'minimum', 'exclusiveMinimum', 'minProperties'];
const EXACT = ['pattern', 'format', 'const', 'multipleOf'];

interface Side {
  schema: Schema;
  doc: Document;
}

function constraintDifferences(sideA: Side, sideB: Side): ConstraintDifference[] {
  const [a, b] = [sideA.schema, sideB.schema];
  const out: ConstraintDifference[] = [];
  const show = (value: unknown) => (value === undefined ? 'none' : JSON.stringify(value));
  const change = (keyword: string) => `${keyword} ${show(a[keyword])} → ${show(b[keyword])}`;

  const typesA = typeSet(a, sideA.doc);
  const typesB = typeSet(b, sideB.doc);
  if (typesA && typesB) {
    const lost = [...typesA].filter((type) => !typesB.has(type));
    const gained = [...typesB].filter((type) => !typesA.has(type));
    if (lost.length || gained.length) {
      out.push({ what: `type ${[...typesA].join('|')} → ${[...typesB].join('|')}`, effect: lost.length && gained.length ? 'different' : lost.length ? 'narrower' : 'wider' });
    }
  } else if (typesA !== typesB) {
    out.push({ what: `type ${typesA ? [...typesA].join('|') : 'any'} → ${typesB ? [...typesB].join('|') : 'any'}`, effect: typesB ? 'narrower' : 'wider' });
  }
  for (const keyword of UPPER_BOUNDS) {
    const [x, y] = [a[keyword], b[keyword]];
    if (x === y) continue;
    const narrower = y !== undefined && (x === undefined || (y as number) < (x as number));
    out.push({ what: change(keyword), effect: narrower ? 'narrower' : 'wider' });
  }
  for (const keyword of LOWER_BOUNDS) {
    const [x, y] = [a[keyword], b[keyword]];
    if (x === y) continue;
    const narrower = y !== undefined && (x === undefined || (y as number) > (x as number));
    out.push({ what: change(keyword), effect: narrower ? 'narrower' : 'wider' });
  }
  for (const keyword of EXACT) {
    const [x, y] = [a[keyword], b[keyword]];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    out.push({ what: change(keyword), effect: x === undefined ? 'narrower' : y === undefined ? 'wider' : 'different' });
  }
  const enumA = allowedValues(a, sideA.doc)?.map((value) => JSON.stringify(value));
  const enumB = allowedValues(b, sideB.doc)?.map((value) => JSON.stringify(value));
  if (enumA || enumB) {
    const lost = enumA && enumB ? enumA.filter((value) => !enumB.includes(value)) : [];
    const gained = enumA && enumB ? enumB.filter((value) => !enumA.includes(value)) : [];
    if (!enumA) out.push({ what: `values limited to ${enumB!.join(', ')}`, effect: 'narrower' });
    else if (!enumB) out.push({ what: `values no longer limited to ${enumA.join(', ')}`, effect: 'wider' });
    else if (lost.length || gained.length) {
      const what = [lost.length ? `values ${lost.join(', ')} removed` : '', gained.length ? `values ${gained.join(', ')} added` : ''].filter(Boolean).join(', ');
      out.push({ what, effect: lost.length && gained.length ? 'different' : lost.length ? 'narrower' : 'wider' });
    }
  }
  if (JSON.stringify(a['not']) !== JSON.stringify(b['not'])) out.push({ what: 'excluded values (`not`) changed', effect: 'different' });
  return out;
}

/** The types a schema allows: its `type`, or those of the branches of its `anyOf`/`oneOf` when each has one. */
function typeSet(schema: Schema, doc: Document): Set<string> | undefined {
  const type = schema['type'];
  if (type !== undefined) return new Set(Array.isArray(type) ? (type as string[]) : [type as string]);
  const branches = branchesOf(schema, doc).map((branch) => typeSet(branch, doc));
  if (branches.length === 0 || branches.some((types) => types === undefined)) return undefined;
  return new Set(branches.flatMap((types) => [...types!]));
}

/**
 * The values a schema allows when it lists them: `enum`, `const`, `true`/`false` for a boolean, or
 * the union of its branches when each lists its own. So `const: X` beside `enum: [X]`, and a
 * boolean-or-string `type` list split into an `anyOf`, compare as the same values.
 */
function allowedValues(schema: Schema, doc: Document): unknown[] | undefined {
  if (schema['enum'] !== undefined) return asArray(schema['enum']);
  if (schema['const'] !== undefined) return [schema['const']];
  const branches = branchesOf(schema, doc).map((branch) => allowedValues(branch, doc));
  if (branches.length > 0) return branches.some((values) => values === undefined) ? undefined : branches.flat();
  return schema['type'] === 'boolean' ? [true, false] : undefined;
}

function branchesOf(schema: Schema, doc: Document): Schema[] {
  return [...asArray(schema['anyOf']), ...asArray(schema['oneOf'])].map((branch) => resolve(branch, doc) ?? {});
}
