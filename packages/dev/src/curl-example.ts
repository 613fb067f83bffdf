import { loadBundledSpec, resolveRef } from '@myreports/pbx-contract';

type Json = Record<string, unknown>;

export interface RequestExample {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  /** JSON text. */
  body: string;
}

/**
 * A create request built from the spec itself (the create operation, its parameters' examples and
 * its first request example), so the printed example and the benchmark cannot drift from it.
 */
export function createRequestExample(baseUrl: string): RequestExample {
  const spec = loadBundledSpec() as unknown as Json;
  const resolve = (node: unknown): Json => resolveRef(spec, node) ?? {};

  const [path, item] = Object.entries(spec.paths as Record<string, Json>).find(
    ([, candidate]) => (candidate.post as Json | undefined)?.operationId === 'createPbxConnectionProfile',
  ) ?? [];
  if (!path || !item) throw new Error('The spec has no createPbxConnectionProfile operation.');
  const operation = item.post as Json;
  const parameters = [...((item.parameters as unknown[]) ?? []), ...((operation.parameters as unknown[]) ?? [])].map(resolve);
  const url = baseUrl + path.replace(/\{([^}]+)\}/g, (_, name: string) => String(parameters.find((p) => p.name === name)?.example));
  const headers = Object.fromEntries(
    parameters.filter((parameter) => parameter.in === 'header').map((parameter) => [String(parameter.name), String(parameter.example)]),
  );
  const content = (resolve(operation.requestBody).content as Record<string, Json>)['application/json']!;
  const body = resolve(Object.values(content.examples as Json)[0]).value;
  return {
    method: 'POST',
    url,
    // The mock accepts any Bearer token.
    headers: { Authorization: 'Bearer any-token', ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/** The create request as a ready-to-paste `curl` command, one option per line. */
export function createCurlExample(baseUrl: string): string[] {
  const request = createRequestExample(baseUrl);
  const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
  return [
    `curl -i -X ${request.method} ${quote(request.url)} \\`,
    ...Object.entries(request.headers).map(([name, value]) => `  -H ${quote(`${name}: ${value}`)} \\`),
    `  -d ${quote(request.body)}`,
  ];
}
