import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Json, OpenApiDocument } from './document.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const DOCUMENT_ID = 'https://pbx.myreports.invalid/openapi.json';

/** OpenAPI annotations that are not JSON Schema validation keywords. */
const OPENAPI_KEYWORDS = ['discriminator', 'example', 'xml', 'externalDocs'];

/**
 * Past this many JSON values (each object, array and scalar counts one), a value that breaks its
 * schema gets its first error only. Every error costs Ajv an object of about 150 B, and a value
 * can earn dozens per member: a 10 MiB answer of 3.5 million `{}` would be about 60 million errors,
 * gigabytes. At this bound the worst case measured, a list of 20,000 `{}` for the profiles' list,
 * took 92 MB and 0.55 s. A real page of 1,000 items holds about 10,000 values.
 */
export const MAX_VALUES_FULLY_CHECKED = 20_000;

export interface ValidationResult {
  valid: boolean;
  /** Every error, or only the first when `firstOnly`. */
  errors: ErrorObject[];
  /** The value held more than `MAX_VALUES_FULLY_CHECKED` values and broke the schema: `errors` holds its first error only. */
  firstOnly?: true;
}

export interface SpecValidator {
  /**
   * Validates `value` against the schema at a JSON pointer of the document (`#/components/schemas/Guid`),
   * or against a schema object of the document (`operation.responseSchema(200)`).
   */
  validate(schema: string | Json, value: unknown): ValidationResult;
  /** Validates against a named component schema. */
  validateSchema(name: string, value: unknown): ValidationResult;
  /** A compiled validator (every error) for a schema object of the document (or one built from its parts), cached by identity. */
  compile(schema: Json): ValidateFunction;
}

/**
 * Ajv's generated code appends the errors of a `$ref`'s function with `vErrors.concat(…)`, which
 * copies every error found so far: validating a list whose every item is wrong took time that
 * grew with the square of its errors (4,000 bad profiles 2.7 s, 8,000 11.5 s, 60,000 past ten
 * minutes). Appending in place makes it linear. `code.process` is Ajv's hook for changing its
 * generated code; the guard makes an Ajv whose code no longer matches fail when it compiles,
 * rather than turn slow again unnoticed.
 */
const CONCAT_APPEND = /vErrors = vErrors === null \? ([\w$.]+\.errors) : vErrors\.concat\(\1\);/g;
export function appendInPlace(code: string): string {
  const rewritten = code.replace(CONCAT_APPEND, 'if (vErrors === null) vErrors = $1.slice(); else for (const error of $1) vErrors.push(error);');
  if (rewritten.includes('vErrors.concat(')) throw new Error("Ajv's generated code appends errors in a way validator.ts does not rewrite: update CONCAT_APPEND.");
  return rewritten;
}

/** Whether `value` holds more than `limit` JSON values, counted until it does. */
function holdsMoreThan(value: unknown, limit: number): boolean {
  const pending = [value];
  let seen = 0;
  while (pending.length > 0) {
    const next = pending.pop();
    seen += 1;
    if (next === null || typeof next !== 'object') continue;
    const members = Array.isArray(next) ? next : Object.values(next);
    // Each member is at least one value: a long list answers before any of it is copied.
    if (seen + pending.length + members.length > limit) return true;
    for (const member of members) pending.push(member);
  }
  return false;
}

/** A validator of one Ajv over the document: every error (`allErrors`) or the first only. */
function checkerOver(document: OpenApiDocument, allErrors: boolean) {
  const ajv = new Ajv2020({ allErrors, strict: false, validateFormats: true, code: { process: appendInPlace } });
  addFormats(ajv);
  for (const keyword of OPENAPI_KEYWORDS) ajv.addKeyword(keyword);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID }, DOCUMENT_ID);

  const compiled = new WeakMap<Json, ValidateFunction>();
  const compile = (schema: Json): ValidateFunction => {
    let check = compiled.get(schema);
    if (!check) {
      // Local references point into the document added above.
      const absolute = JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${DOCUMENT_ID}#/`);
      check = ajv.compile(JSON.parse(absolute) as Json);
      compiled.set(schema, check);
    }
    return check;
  };
  /** The compiled check of a JSON pointer of the document or of a schema object. */
  const checkOf = (schema: string | Json): ValidateFunction => {
    const check = typeof schema === 'string' ? ajv.getSchema(`${DOCUMENT_ID}${schema}`) : compile(schema);
    if (!check) throw new Error(`No schema at ${String(schema)}.`);
    return check;
  };
  return { compile, checkOf };
}

/**
 * The one JSON Schema validator of the project: Ajv in draft 2020-12 (the dialect of OpenAPI 3.1)
 * over one document, every error reported (up to `MAX_VALUES_FULLY_CHECKED`), formats checked,
 * OpenAPI's annotations known.
 */
export function createSpecValidator(document: OpenApiDocument): SpecValidator {
  const every = checkerOver(document, true);
  // Built on the first value past the bound.
  let first: ReturnType<typeof checkerOver> | undefined;

  const validate = (schema: string | Json, value: unknown): ValidationResult => {
    if (holdsMoreThan(value, MAX_VALUES_FULLY_CHECKED)) {
      first ??= checkerOver(document, false);
      const check = first.checkOf(schema);
      return check(value) ? { valid: true, errors: [] } : { valid: false, errors: [...(check.errors ?? [])], firstOnly: true };
    }
    const check = every.checkOf(schema);
    const valid = check(value) as boolean;
    return { valid, errors: valid ? [] : [...(check.errors ?? [])] };
  };
  return { validate, validateSchema: (name, value) => validate(`#/components/schemas/${name}`, value), compile: every.compile };
}
