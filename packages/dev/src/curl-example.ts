import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Json = Record<string, unknown>;

/**
 * A ready-to-paste `curl` that creates a profile, built from the spec itself (the create
 * operation, its parameters' examples and its first request example), so it cannot drift.
 */
export function createCurlExample(baseUrl: string): string[] {
  const spec = JSON.parse(readFileSync(require.resolve('@myreports/pbx-openapi/openapi.json'), 'utf8')) as Json;
  const resolve = (node: unknown): Json => {
    let current = node as Json;
    while (typeof current.$ref === 'string') {
      current = (current.$ref as string)
        .slice(2)
        .split('/')
        .reduce<Json>((parent, key) => parent[key.replace(/~1/g, '/').replace(/~0/g, '~')] as Json, spec);
    }
    return current;
  };

  const [path, item] = Object.entries(spec.paths as Record<string, Json>).find(
    ([, candidate]) => (candidate.post as Json | undefined)?.operationId === 'createPbxConnectionProfile',
  ) ?? [];
  if (!path || !item) throw new Error('The spec has no createPbxConnectionProfile operation.');
  const operation = item.post as Json;
  const parameters = [...((item.parameters as unknown[]) ?? []), ...((operation.parameters as unknown[]) ?? [])].map(resolve);
  const url = baseUrl + path.replace(/\{([^}]+)\}/g, (_, name: string) => String(parameters.find((p) => p.name === name)?.example));
  const headers = parameters.filter((parameter) => parameter.in === 'header').map((parameter) => `${parameter.name}: ${String(parameter.example)}`);
  const content = (resolve(operation.requestBody).content as Record<string, Json>)['application/json']!;
  const body = resolve(Object.values(content.examples as Json)[0]).value;

  const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
  return [
    `curl -i -X POST ${quote(url)} \\`,
    `  -H ${quote('Authorization: Bearer any-token')} \\`,
    ...headers.map((header) => `  -H ${quote(header)} \\`),
    `  -H ${quote('Content-Type: application/json')} \\`,
    `  -d ${quote(JSON.stringify(body))}`,
  ];
}
