import { type OpenApiDocument, loadBundledSpec } from './document.js';
import { createBodyExplainer } from './explain-body.js';
import { type Operation, type Route, createRouter, listOperations } from './operations.js';
import { resolveRef } from './refs.js';
import { responseProblems, successStatus } from './responses.js';
import { type SpecValidator, createSpecValidator } from './validator.js';
import { type TypedExamples, typedExamplesOf } from './variants.js';

/** Everything a reader of the spec needs, built once from one document. */
export interface Contract {
  document: OpenApiDocument;
  operations: Operation[];
  /** The operation of an `operationId`; throws when the spec has none. */
  operation(operationId: string): Operation;
  /** The operation a method and a concrete path go to, or why there is none. */
  route(method: string, pathname: string): Route;
  /** Follows local `$ref`s. */
  resolve(node: unknown): Record<string, unknown> | undefined;
  validator: SpecValidator;
  /** Phrases naming each wrong field of a request body (see explain-body.ts). */
  explainBody(operation: Operation, body: unknown): string[];
  /** The success example of each `_type`, for operations whose body has one. */
  typedExamples(operation: Operation): TypedExamples | undefined;
  /** The one 2xx status the operation documents (`201` for a create). */
  successStatus(operation: Operation): number;
  /**
   * What is wrong with an answer: an undocumented status, a media type (when given) the spec does
   * not declare for it, or a body that breaks the schema the spec declares for it (one line per
   * validator error; for a body of more than 20,000 JSON values, the first and a line saying so).
   * Empty when the answer keeps the contract.
   */
  validateResponse(operation: Operation, status: number, body: unknown, mediaType?: string): string[];
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
    operation: (operationId) => {
      const found = operations.find((operation) => operation.operationId === operationId);
      if (!found) throw new Error(`The spec has no operation ${operationId}.`);
      return found;
    },
    route: createRouter(operations),
    resolve: (node) => resolveRef(document, node),
    validator,
    explainBody: (operation, body) => {
      const schema = operation.requestSchema('application/json');
      return schema === undefined ? [] : explain(schema, body);
    },
    typedExamples: (operation) => typed.get(operation),
    successStatus,
    validateResponse: (operation, status, body, mediaType) => responseProblems(validator, operation, status, body, mediaType),
  };
}
