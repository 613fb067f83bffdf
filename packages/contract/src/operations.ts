import type { Json, OpenApiDocument, OperationObject } from './document.js';
import { resolveRef } from './refs.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Parameter {
  /** As the spec spells it (`instanceId`, `accept-charges`). */
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: unknown;
  example: unknown;
}

/** A named example of a body, its `$ref` followed: `KazooCreateRequest`. */
export interface Example {
  name: string;
  /** The example's summary, or its name when it has none (as the docs' example picker shows it). */
  summary: string;
  value: unknown;
}

/** A body of one media type: its schema (unresolved, for the validator) and its named examples. */
export interface Body {
  schema: unknown;
  examples: Example[];
}

export interface Operation {
  /** Upper case: `GET`. */
  method: string;
  /** Path template, e.g. `/v1.0/pbxs`. */
  path: string;
  operationId: string;
  object: OperationObject;
  /** Path-level and operation-level parameters, resolved, in the spec's order. */
  parameters: Parameter[];
  /** The request body by media type (`application/json`); empty when the operation takes none. */
  request: Record<string, Body>;
  /** Media types of the request body; empty when it takes none. */
  requestMediaTypes: string[];
  /** Schema of the request body for `mediaType` (default: the first), unresolved. */
  requestSchema(mediaType?: string): unknown;
  /** Every documented status (`'201'`, `'400'`) with its body by media type (none for the `401`). */
  responses: Record<string, Record<string, Body>>;
  /** Schema of the response body of `status` for `mediaType`, unresolved; undefined when it declares none. */
  responseSchema(status: number | string, mediaType?: string): unknown;
}

export type Route =
  | { kind: 'operation'; operation: Operation; pathParams: Record<string, string> }
  /** The path is documented, the method is not: `allow` lists the documented ones. */
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'no-path' };

interface CompiledPath {
  template: string;
  segments: (string | { parameter: string })[];
  operations: Map<string, Operation>;
}

/**
 * Every operation of the document, path by path in the document's order, `$ref`s of
 * path items, parameters, bodies, responses and examples followed. Reads any document (the
 * breaking-change report compares a past one), so what is missing is left out, never a crash.
 */
export function listOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  const content = (holder: unknown): Record<string, Body> => {
    const media = (resolveRef(document, holder)?.content ?? {}) as Record<string, Json>;
    return Object.fromEntries(Object.entries(media).map(([mediaType, entry]) => [mediaType, { schema: entry.schema, examples: examplesOf(document, entry.examples) }]));
  };
  for (const [path, node] of Object.entries(document.paths ?? {})) {
    const item = resolveRef(document, node) ?? {};
    for (const method of HTTP_METHODS.filter((name) => name in item)) {
      const object = item[method] as OperationObject;
      const parameters = [...((item.parameters as unknown[] | undefined) ?? []), ...(object.parameters ?? [])]
        .map((entry) => resolveRef(document, entry))
        .filter((entry): entry is Json => entry !== undefined)
        .map((entry) => ({ name: String(entry.name), in: entry.in as Parameter['in'], required: entry.required === true, schema: entry.schema, example: entry.example }));
      const request = content(object.requestBody);
      const requestMediaTypes = Object.keys(request);
      // Shared responses (400, 401, 404) are references to `components/responses`.
      const responses = Object.fromEntries(Object.entries(object.responses ?? {}).map(([status, response]) => [status, content(response)]));
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: object.operationId,
        object,
        parameters,
        request,
        requestMediaTypes,
        requestSchema: (mediaType = requestMediaTypes[0]) => (mediaType === undefined ? undefined : request[mediaType]?.schema),
        responses,
        responseSchema: (status, mediaType = 'application/json') => responses[String(status)]?.[mediaType]?.schema,
      });
    }
  }
  return operations;
}

function examplesOf(document: OpenApiDocument, examples: unknown): Example[] {
  return Object.entries((examples ?? {}) as Record<string, unknown>).map(([name, node]) => {
    const example = resolveRef(document, node) ?? {};
    return { name, summary: typeof example.summary === 'string' ? example.summary : name, value: example.value };
  });
}

/** Finds the operation of a method and a concrete path (`/v1.0/pbxs`), segment by segment. */
export function createRouter(operations: Operation[]): (method: string, pathname: string) => Route {
  const paths: CompiledPath[] = [];
  for (const operation of operations) {
    let entry = paths.find((candidate) => candidate.template === operation.path);
    if (!entry) {
      entry = {
        template: operation.path,
        segments: operation.path.split('/').map((segment) => (/^\{[^}]+\}$/.test(segment) ? { parameter: segment.slice(1, -1) } : segment)),
        operations: new Map(),
      };
      paths.push(entry);
    }
    entry.operations.set(operation.method, operation);
  }
  // Literal segments win over parameters (`/pbxs/search` before `/pbxs/{pbxId}`).
  const literals = (entry: CompiledPath) => entry.segments.filter((segment) => typeof segment === 'string').length;
  paths.sort((a, b) => literals(b) - literals(a));

  return (method, pathname) => {
    const parts = pathname.split('/');
    for (const entry of paths) {
      if (entry.segments.length !== parts.length) continue;
      const pathParams: Record<string, string> = {};
      const matches = entry.segments.every((segment, index) => {
        const part = parts[index]!;
        if (typeof segment === 'string') return segment === part;
        if (part === '') return false;
        pathParams[segment.parameter] = safeDecode(part);
        return true;
      });
      if (!matches) continue;
      const operation = entry.operations.get(method.toUpperCase());
      if (operation) return { kind: 'operation', operation, pathParams };
      return { kind: 'method-not-allowed', allow: [...entry.operations.keys()] };
    }
    return { kind: 'no-path' };
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
