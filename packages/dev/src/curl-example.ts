import { loadContract } from '@myreports/pbx-contract';

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
  const { path, parameters, request } = loadContract().operation('createPbxConnectionProfile');
  const url = baseUrl + path.replace(/\{([^}]+)\}/g, (_, name: string) => String(parameters.find((p) => p.name === name)?.example));
  const headers = Object.fromEntries(
    parameters.filter((parameter) => parameter.in === 'header').map((parameter) => [parameter.name, String(parameter.example)]),
  );
  const body = request['application/json']?.examples[0]?.value;
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
