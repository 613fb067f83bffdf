export { DOCS_DIST_DIR, serveDocs, type DocsServer, type ServeDocsOptions } from './serve.js';
