import type { Json, OpenApiDocument, OperationObject } from './document.js';
import { resolveRef } from './refs.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Parameter {
  /** As the spec spells it (`instanceId`, `accept-charges`). */
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: unknown;
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
  /** Media types of the request body (`application/json`); empty when it takes none. */
  requestMediaTypes: string[];
  /** Schema of the request body for `mediaType` (default: the first), unresolved. */
  requestSchema(mediaType?: string): unknown;
  /** Documented response statuses, in the spec's order: `['200', '400', '401', '404']`. */
  statuses: string[];
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

/** Every operation of the document with its method and path, in the document's order. */
export function listOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS.filter((name) => name in item)) {
      const object = item[method] as OperationObject;
      const parameters = [...((item.parameters as unknown[] | undefined) ?? []), ...(object.parameters ?? [])]
        .map((node) => resolveRef(document, node))
        .filter((node): node is Json => node !== undefined)
        .map((node) => ({ name: String(node.name), in: node.in as Parameter['in'], required: node.required === true, schema: node.schema }));
      const content = (resolveRef(document, object.requestBody)?.content ?? {}) as Record<string, Json>;
      const requestMediaTypes = Object.keys(content);
      const responses = (object.responses ?? {}) as Record<string, unknown>;
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: object.operationId,
        object,
        parameters,
        requestMediaTypes,
        requestSchema: (mediaType = requestMediaTypes[0]) => (mediaType === undefined ? undefined : content[mediaType]?.schema),
        statuses: Object.keys(responses),
        responseSchema: (status, mediaType = 'application/json') => {
          // Shared responses (400, 401, 404) are references to `components/responses`.
          const response = resolveRef(document, responses[String(status)]);
          return (response?.content as Record<string, Json> | undefined)?.[mediaType]?.schema;
        },
      });
    }
  }
  return operations;
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
