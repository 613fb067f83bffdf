import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MockSetupError } from './options.js';

const require = createRequire(import.meta.url);

/** JSON Schema or OpenAPI object as read from the bundled JSON: only what the mock reads is typed. */
export type Json = Record<string, unknown>;

export interface Operation {
  method: string;
  /** Path template, e.g. `/v1.0/pbxs`. */
  path: string;
  /** JSON pointer of the operation in the document, e.g. `#/paths/~1v1.0~1pbxs/get`. */
  pointer: string;
  /** Matches a concrete request path. */
  pattern: RegExp;
  /** Parameter names as the spec spells them, by lower case (Prism lower-cases path parameters). */
  parameterNames: Map<string, string>;
  object: Json;
}

export interface SpecDocument {
  json: Json;
  operations: Operation[];
  /** The operation a request goes to, if any. */
  find(method: string, pathname: string): Operation | undefined;
  /** Follows a local `$ref` (`#/components/...`) until a non-reference object. */
  resolve(node: unknown): Json;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Loads the bundled spec as JSON (the same document Prism serves, in its JSON form). */
export function loadSpecDocument(): SpecDocument {
  let file: string;
  try {
    file = require.resolve('@myreports/pbx-openapi/openapi.json');
  } catch {
    throw new MockSetupError(
      'The bundled spec (@myreports/pbx-openapi/openapi.json) is missing: build it with `npm run build` at the repository root.',
    );
  }
  const json = JSON.parse(readFileSync(file, 'utf8')) as Json;

  const resolve = (node: unknown): Json => {
    let current = node as Json;
    for (let depth = 0; typeof current.$ref === 'string' && depth < 32; depth += 1) {
      const ref = current.$ref as string;
      current = ref
        .slice(2)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<Json>((parent, key) => parent[key] as Json, json);
    }
    return current;
  };

  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(json.paths as Record<string, Json>)) {
    for (const method of METHODS.filter((name) => name in item)) {
      const object = item[method] as Json;
      const parameters = [...((item.parameters as unknown[]) ?? []), ...((object.parameters as unknown[]) ?? [])].map(resolve);
      const escaped = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
      operations.push({
        method: method.toUpperCase(),
        path,
        pointer: `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`,
        pattern: new RegExp(`^${escaped}/?$`),
        parameterNames: new Map(parameters.map((parameter) => [String(parameter.name).toLowerCase(), String(parameter.name)])),
        object,
      });
    }
  }

  return {
    json,
    operations,
    resolve,
    find: (method, pathname) => operations.find((operation) => operation.method === method && operation.pattern.test(pathname)),
  };
}
