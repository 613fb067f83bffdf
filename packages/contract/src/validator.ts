import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Json, OpenApiDocument } from './document.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const DOCUMENT_ID = 'https://pbx.myreports.invalid/openapi.json';

/** OpenAPI annotations that are not JSON Schema validation keywords. */
const OPENAPI_KEYWORDS = ['discriminator', 'example', 'xml', 'externalDocs'];

export interface ValidationResult {
  valid: boolean;
  errors: ErrorObject[];
}

export interface SpecValidator {
  /**
   * Validates `value` against the schema at a JSON pointer of the document (`#/components/schemas/Guid`),
   * or against a schema object of the document (`operation.responseSchema(200)`).
   */
  validate(schema: string | Json, value: unknown): ValidationResult;
  /** Validates against a named component schema. */
  validateSchema(name: string, value: unknown): ValidationResult;
  /** A compiled validator for a schema object of the document (or one built from its parts), cached by identity. */
  compile(schema: Json): ValidateFunction;
}

/**
 * The one JSON Schema validator of the project: Ajv in draft 2020-12 (the dialect of OpenAPI 3.1)
 * over one document, every error reported, formats checked, OpenAPI's annotations known.
 */
export function createSpecValidator(document: OpenApiDocument): SpecValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
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
  const validate = (schema: string | Json, value: unknown): ValidationResult => {
    const check = typeof schema === 'string' ? ajv.getSchema(`${DOCUMENT_ID}${schema}`) : compile(schema);
    if (!check) throw new Error(`No schema at ${String(schema)}.`);
    const valid = check(value) as boolean;
    return { valid, errors: valid ? [] : [...(check.errors ?? [])] };
  };
  return { validate, validateSchema: (name, value) => validate(`#/components/schemas/${name}`, value), compile };
}
