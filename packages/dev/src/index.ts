export type { Service, StartedService } from './service.js';
export { startStack, describeStack, type RunningStack } from './stack.js';
export { mockService } from './mock-service.js';
export { createCurlExample, createRequestExample, type RequestExample } from './curl-example.js';
export { docsService, docsPortFor } from './docs-service.js';
