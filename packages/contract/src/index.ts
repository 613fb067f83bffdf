export { type Contract, loadContract } from './contract.js';
export {
  type Json,
  type OpenApiDocument,
  type OperationObject,
  SpecNotBuiltError,
  bundledSpecPath,
  exampleValue,
  loadBundledSpec,
} from './document.js';
export { atPointer, resolveRef } from './refs.js';
export { HTTP_METHODS, type Example, type Operation, type Parameter, type Route, createRouter, listOperations } from './operations.js';
export { type SpecValidator, type ValidationResult, createSpecValidator } from './validator.js';
export { type Tag, type TypedExamples, branchesOf, discriminatingMembers, selectVariant, typedExamplesOf } from './variants.js';
export { createBodyExplainer } from './explain-body.js';
export { type ErrorEnvelope, type Finding, MESSAGE_LIMIT, describeParameterFindings, errorEnvelope, invalidRequestMessage } from './messages.js';
