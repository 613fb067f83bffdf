// The package's public face: only what its consumers use (the mock, the docs build, the
// breaking-change report, `npm start`, the fixtures of the test suites). The rest stays internal.
export { type Contract, loadContract } from './contract.js';
export { type Json, type OpenApiDocument, SpecNotBuiltError, bundledSpecPath, exampleValue, loadBundledSpec } from './document.js';
export { resolveRef } from './refs.js';
export { type Example, type Operation, type Route, listOperations } from './operations.js';
export { branchesOf } from './variants.js';
export { createSpecValidator } from './validator.js';
export { createBodyExplainer } from './explain-body.js';
export { type Finding, describeParameterFindings, errorEnvelope, invalidRequestMessage } from './messages.js';
