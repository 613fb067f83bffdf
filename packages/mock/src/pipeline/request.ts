import type { IncomingHttpHeaders } from 'node:http';
import type { Contract, Operation, Route } from '@myreports/pbx-contract';
import type { RawRequest } from '../reply.js';

/** A request routed once: everything later steps need, read from the raw one. */
export interface ApiRequest {
  method: string;
  /** Raw path, as received (percent-encoding kept). */
  path: string;
  route: Route;
  /** The route's operation; undefined for an unknown path or method. */
  operation: Operation | undefined;
  /** Names lower-cased, `Host` dropped, the `Bearer` scheme spelled as Prism expects. */
  headers: Record<string, string>;
  /** Each name as received, once; a name given twice, its values as a list. */
  query: Record<string, string | string[]>;
  /** The body bytes, within the size limit. */
  bytes: Buffer;
}

export function readRequest(raw: RawRequest, contract: Contract): ApiRequest {
  const queryAt = raw.url.indexOf('?');
  const path = queryAt < 0 ? raw.url : raw.url.slice(0, queryAt);
  const route = contract.route(raw.method, path);
  const operation = route.kind === 'operation' ? route.operation : undefined;
  const query = rawQuery(raw.url, queryAt);
  return {
    method: raw.method,
    path,
    route,
    operation,
    headers: normaliseHeaders(raw.headers),
    query: operation ? bySpecNames(operation, query) : query,
    bytes: raw.body,
  };
}

/** The body as JSON when the operation takes one; `notJson` when it does not parse (Prism then sees the text). */
export function parseBody(bytes: Buffer): { value: unknown; notJson: boolean } {
  const text = bytes.toString('utf8');
  try {
    return { value: JSON.parse(text), notJson: false };
  } catch {
    return { value: text, notJson: true };
  }
}

/**
 * Header names lower-cased, and the `Bearer` scheme spelled as Prism expects: auth schemes are
 * case-insensitive (RFC 7235 section 2.1), Prism compares them case-sensitively.
 */
function normaliseHeaders(raw: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (headers.authorization !== undefined) headers.authorization = headers.authorization.replace(/^\s*bearer(?=\s)/i, 'Bearer');
  delete headers.host;
  return headers;
}

/**
 * Query parameters under the spec's names, matched without regard to case (`InstanceId` counts as
 * `instanceId`): a decision, the vendor is silent; ASP.NET, which the API's timestamps betray,
 * binds query parameters that way.
 */
function bySpecNames(operation: Operation, query: Record<string, string | string[]>): Record<string, string | string[]> {
  const names = new Map(operation.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => [parameter.name.toLowerCase(), parameter.name]));
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query)) {
    const spelled = names.get(name.toLowerCase()) ?? name;
    const previous = result[spelled];
    result[spelled] = previous === undefined ? value : [...[previous].flat(), ...[value].flat()];
  }
  return result;
}

function rawQuery(url: string, queryAt: number): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (queryAt < 0) return query;
  const params = new URLSearchParams(url.slice(queryAt + 1));
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  return query;
}
