import { type OpenApiDocument, loadBundledSpec } from './document.js';
import { createBodyExplainer } from './explain-body.js';
import { type Operation, type Route, createRouter, listOperations } from './operations.js';
import { resolveRef } from './refs.js';
import { type SpecValidator, createSpecValidator } from './validator.js';
import { type TypedExamples, typedExamplesOf } from './variants.js';

/** Everything a reader of the spec needs, built once from one document. */
export interface Contract {
  document: OpenApiDocument;
  operations: Operation[];
  /** The operation a method and a concrete path go to, or why there is none. */
  route(method: string, pathname: string): Route;
  /** Follows local `$ref`s. */
  resolve(node: unknown): Record<string, unknown> | undefined;
  validator: SpecValidator;
  /** Phrases naming each wrong field of a request body (see explain-body.ts). */
  explainBody(operation: Operation, body: unknown): string[];
  /** The success example of each `_type`, for operations whose body has one. */
  typedExamples(operation: Operation): TypedExamples | undefined;
}

/** The contract of `document` (default: the bundled spec, `@myreports/pbx-openapi`). */
export function loadContract(document: OpenApiDocument = loadBundledSpec()): Contract {
  const operations = listOperations(document);
  const validator = createSpecValidator(document);
  const explain = createBodyExplainer(document, validator);
  const typed = new Map(operations.map((operation) => [operation, typedExamplesOf(document, operation)]));
  return {
    document,
    operations,
    route: createRouter(operations),
    resolve: (node) => resolveRef(document, node),
    validator,
    explainBody: (operation, body) => {
      const schema = operation.requestSchema('application/json');
      return schema === undefined ? [] : explain(schema, body);
    },
    typedExamples: (operation) => typed.get(operation),
  };
}
