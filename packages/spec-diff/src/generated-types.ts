// The TypeScript declarations @myreports/pbx-types would publish for a bundled spec: the same
// generator and flags as that package's build, with comments left out, so that a documentation
// edit does not count as a change of the types.
import openapiTS, { type OpenAPI3, astToString } from 'openapi-typescript';
import ts from 'typescript';
import type { OpenApi } from './bundle.js';

export async function generatedDeclarations(spec: OpenApi): Promise<string> {
  const nodes = await openapiTS(copyOf(spec), { rootTypes: true, readWriteMarkers: true, silent: true });
  const source = ts.createSourceFile('types.d.ts', astToString(nodes), ts.ScriptTarget.Latest);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

/** A deep copy (the generator annotates the document it reads), typed as the generator's input. */
function copyOf(spec: OpenApi): OpenAPI3 {
  return JSON.parse(JSON.stringify(spec)) as OpenAPI3;
}
