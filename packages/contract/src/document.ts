import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** JSON Schema or OpenAPI object as read from the bundled JSON: only what callers read is typed. */
export type Json = Record<string, unknown>;

/** An OpenAPI document as plain JSON. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject | unknown>>;
  components: {
    schemas: Record<string, unknown>;
    examples: Record<string, { summary?: string; value: unknown }>;
    [section: string]: Record<string, unknown>;
  };
  [key: string]: unknown;
}

/** An operation as the document has it; `Operation` (operations.ts) is the resolved view. */
export interface OperationObject {
  operationId: string;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  [key: string]: unknown;
}

/** The bundled spec is not there: the repository has not been built. */
export class SpecNotBuiltError extends Error {
  override name = 'SpecNotBuiltError';
}

/** Absolute path of a bundled file of `@myreports/pbx-openapi` (`openapi.json` or `openapi.yaml`). */
export function bundledSpecPath(file: 'openapi.json' | 'openapi.yaml' = 'openapi.json'): string {
  try {
    return require.resolve(`@myreports/pbx-openapi/${file}`);
  } catch {
    throw new SpecNotBuiltError(`The bundled spec (@myreports/pbx-openapi/${file}) is missing: build it with \`npm run build\` at the repository root.`);
  }
}

/** The bundled spec, parsed afresh on every call so a caller may mutate its copy. */
export function loadBundledSpec(): OpenApiDocument {
  return JSON.parse(readFileSync(bundledSpecPath(), 'utf8')) as OpenApiDocument;
}

/** The value of a named example of `components.examples`, as a copy. */
export function exampleValue<T = unknown>(spec: OpenApiDocument, name: string): T {
  const example = spec.components.examples[name];
  if (!example) throw new Error(`The spec has no example named ${name}.`);
  return structuredClone(example.value) as T;
}
