// The one module that speaks Prism's library API (`@stoplight/prism-http` 5.12): a Prism upgrade
// touches this file only. Prism decides routing, security, request and response validation and
// example selection; it returns its findings as objects, which this module hands on as plain data.
import { createRequire } from 'node:module';
import type { Finding } from '@myreports/pbx-contract';
import type { Refusal } from './refusals.js';
import type { IPrismDiagnostic } from '@stoplight/prism-core';
import type { IHttpConfig, IHttpRequest, IHttpResponse, PrismHttpComponents } from '@stoplight/prism-http';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';

const require = createRequire(import.meta.url);
// CommonJS packages, loaded the way Node shares them with Prism's own modules.
const prismHttp = require('@stoplight/prism-http') as typeof import('@stoplight/prism-http');
const prismCore = require('@stoplight/prism-core') as typeof import('@stoplight/prism-core');
// Prism's default mocker, which the mock component below falls back to.
const prismMock = (require('@stoplight/prism-http/dist/mocker/index.js') as { default: PrismHttpComponents['mock'] }).default;
// How the Prism CLI reads `Prefer: code=404, example=…, dynamic=true` into a mock configuration.
const { getHttpConfigFromRequest } = require('@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js') as {
  getHttpConfigFromRequest: (request: IHttpRequest) => E.Either<Error, { code?: number; exampleKey?: string; dynamic?: boolean; seed?: string }>;
};

/** A request as the engine hands it to Prism: lower-cased headers, parsed body. */
export interface EngineInput {
  method: string;
  /** Raw path, as received (percent-encoding kept). */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
  /**
   * What the client sent, for the proxy to send on unchanged: the fields above are what Prism
   * validates (the query and the body parsed, `Bearer` spelled as Prism wants). The mock has none.
   */
  sent?: { search: string; headers: Record<string, string | string[] | undefined>; body: Buffer };
}

export interface EngineAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The bytes as received from an upstream (proxy mode): passed on unchanged. */
  raw?: Buffer;
  /** The upstream's headers as received (proxy mode), a header sent twice (`Set-Cookie`) a list. */
  rawHeaders?: Record<string, string | string[]>;
}

/** What Prism made of a request. */
export type EngineOutcome =
  | {
      kind: 'answer';
      answer: EngineAnswer;
      /** Errors Prism found in the request (empty for a valid one). */
      requestFindings: PrismFinding[];
      /** Errors Prism found in the answer, when response validation is on. */
      answerFindings: PrismFinding[];
    }
  /** Prism refused the request before any answer: routing (404/405), `Accept` (406), a bad `Prefer`. */
  | { kind: 'refusal'; status: number; title: string; detail: string }
  /** Proxy mode: the upstream failed. */
  | { kind: 'upstream-failure'; refusal: Refusal };

export interface PrismFinding extends Finding {
  severity: 'error' | 'warning' | 'information' | 'hint';
  /** Prism's own text, for the proxy's report; the API's messages are worded from keyword and params. */
  message: string;
}

export interface PrismEngineOptions {
  /** The OpenAPI document, already parsed (Prism dereferences its own copy). */
  document: object;
  dynamic: boolean;
  seed?: string;
  /** Validate every answer against the spec (`answerFindings`). */
  validateAnswers: boolean;
  /** Proxy mode: the upstream base URL and how to reach it; absent = mock mode. */
  proxy?: { upstream: URL; forward: ForwardFunction };
  /** Receives Prism's own log lines (debug detail); absent = Prism logs nothing. */
  debugLog?: (line: string) => void;
}

/** Sends a request to the upstream and resolves with its answer, or rejects with a `ProxyFailure`. */
export type ForwardFunction = (input: EngineInput) => Promise<EngineAnswer>;

/** An upstream failure, with the refusal the client gets (502, 504). */
export class ProxyFailure extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

export interface PrismEngine {
  /** Runs one request through Prism. */
  request(input: EngineInput, options?: RequestOptions): Promise<EngineOutcome>;
  /** Reads `Prefer` the way the Prism CLI does (`{}` when there is none); the caller reads it once per request. */
  preference(headers: Record<string, string>): MockChoice | 'invalid';
}

export interface RequestOptions {
  /** The operation the caller's router found: Prism then matches this one only, not every operation again. */
  operationId?: string;
  /** What `Prefer` picked (see `preference`), or an example the caller chose. */
  choice?: MockChoice;
  /**
   * Called once Prism has accepted the request, in place of its example; an answer is still
   * validated like Prism's own. Undefined, or no answer: Prism's example.
   */
  respond?: () => EngineAnswer | undefined;
}

/** Which answer Prism should give: a status, a named example, fake data. */
export interface MockChoice {
  code?: number;
  exampleKey?: string;
  dynamic?: boolean;
}

const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
const ANSI = /\u001b\[[0-9;]*m/g;

export async function createPrismEngine(options: PrismEngineOptions): Promise<PrismEngine> {
  const operations = await prismHttp.getHttpOperationsFromSpec(structuredClone(options.document));
  const logger = prismCore.createLogger(
    'PRISM',
    { level: options.debugLog ? 'debug' : 'silent' },
    {
      write: (line: string) => {
        const record = JSON.parse(line) as { msg?: string; name?: string };
        if (record.msg) options.debugLog?.(`${record.name ?? 'PRISM'}: ${record.msg.replace(ANSI, '')}`);
      },
    },
  );
  // The request each Prism input stands for, for the mock and forward components below; an entry
  // lives while its request does. A Map with a delete, not a WeakMap: V8 keeps the young entries of
  // a long-lived WeakMap through minor collections, so every request's input was promoted to the old
  // generation (measured with bench/rss-over-time.js: RSS grew 22 MB per 15,000 reads with the
  // WeakMap, 16 MB with this Map, until a full collection).
  const inputs = new Map<IHttpRequest, { input: EngineInput; respond: RequestOptions['respond'] }>();
  const byOperationId = new Map(operations.map((operation) => [operation.iid ?? operation.id, [operation]]));

  const mock: PrismHttpComponents['mock'] = (opts) => (log) => {
    const respond = inputs.get(opts.input.data)?.respond;
    if (respond && !opts.input.validations.some((finding) => finding.severity === 0)) {
      const answer = respond();
      if (answer) return E.right({ statusCode: answer.status, headers: answer.headers, body: answer.body });
    }
    return prismMock(opts)(log);
  };

  // The upstream's bytes and headers of each answer, passed on unchanged.
  const raws = new WeakMap<IHttpResponse, Pick<EngineAnswer, 'raw' | 'rawHeaders'>>();
  const forward: PrismHttpComponents['forward'] = (prismInput) => () => {
    const input = inputs.get(prismInput.data)!.input;
    return TE.tryCatch(
      async (): Promise<IHttpResponse> => {
        const answer = await options.proxy!.forward(input);
        const response = { statusCode: answer.status, headers: answer.headers, body: answer.body };
        if (answer.raw) raws.set(response, { raw: answer.raw, ...(answer.rawHeaders && { rawHeaders: answer.rawHeaders }) });
        return response;
      },
      (error) => error as Error,
    );
  };

  const base = {
    checkSecurity: true,
    validateRequest: true,
    validateResponse: options.validateAnswers,
    // Findings come back as data; Prism never turns them into answers of its own.
    errors: false,
    upstreamProxy: undefined,
    mock: { dynamic: options.dynamic, ...(options.seed === undefined ? {} : { seed: options.seed }) },
  };
  const config = (options.proxy ? { ...base, isProxy: true, upstream: options.proxy.upstream } : { ...base, isProxy: false }) as IHttpConfig;
  const prism = prismHttp.createInstance(config, { logger, mock, forward });

  const toPrism = (input: EngineInput): IHttpRequest => ({
    method: input.method.toLowerCase() as IHttpRequest['method'],
    url: { path: input.path, query: input.query },
    headers: input.headers,
    body: input.body,
  });

  return {
    preference: (headers) => {
      if (headers.prefer === undefined) return {};
      const parsed = getHttpConfigFromRequest({ method: 'get', url: { path: '/' }, headers });
      if (E.isLeft(parsed)) return 'invalid';
      const { code, exampleKey, dynamic } = parsed.right;
      return { ...(code === undefined ? {} : { code }), ...(exampleKey === undefined ? {} : { exampleKey }), ...(dynamic === undefined ? {} : { dynamic }) };
    },
    request: async (input, { operationId, choice = {}, respond } = {}) => {
      const prismInput = toPrism(input);
      const mockConfig = { ...config.mock, ...dropUndefined(choice) };
      inputs.set(prismInput, { input, respond });
      const resources = (operationId === undefined ? undefined : byOperationId.get(operationId)) ?? operations;
      const result = await prism.request(prismInput, resources, { ...config, mock: mockConfig } as IHttpConfig)().finally(() => inputs.delete(prismInput));
      if (E.isLeft(result)) {
        const error = result.left as Error & { status?: number; detail?: string };
        if (error instanceof ProxyFailure) return { kind: 'upstream-failure', refusal: error.refusal };
        if (typeof error.status !== 'number') throw error;
        return { kind: 'refusal', status: error.status, title: error.message, detail: error.detail ?? '' };
      }
      const { output, validations } = result.right;
      return {
        kind: 'answer',
        answer: { status: output.statusCode, headers: lowerCaseKeys(output.headers ?? {}), body: output.body, ...raws.get(output) },
        requestFindings: validations.input.map(toFinding),
        answerFindings: validations.output.map(toFinding),
      };
    },
  };
}

export function toFinding(diagnostic: IPrismDiagnostic): PrismFinding {
  const keyword = String(diagnostic.code ?? '');
  return {
    location: diagnostic.path?.map(String) ?? [],
    keyword,
    params: PARAMS[keyword]?.(diagnostic.message) ?? {},
    message: diagnostic.message,
    severity: SEVERITIES[diagnostic.severity] ?? 'error',
  };
}

/**
 * Prism hands on Ajv's keyword but not its params, only Ajv's English message (`Request path
 * parameter pbxid must match format "uuid"`): the params are read back from it here, the one place
 * that knows Prism's wording, so a reworded message breaks this table's test, not the API's texts.
 */
const PARAMS: Record<string, (message: string) => Record<string, unknown> | undefined> = {
  required: (message) => match(message, /required property '([^']+)'/, (name) => ({ missingProperty: name })),
  format: (message) => match(message, /must match format "([^"]*)"/, (format) => ({ format })),
  pattern: (message) => match(message, /must match pattern "(.*)"$/, (pattern) => ({ pattern })),
  type: (message) => match(message, /must be (\S+)$/, (type) => ({ type })),
  enum: (message) => match(message, /allowed values: (.*)$/, (values) => ({ allowedValues: values.split(', ') })),
  minLength: (message) => match(message, /fewer than (\d+) characters/, (limit) => ({ limit: Number(limit) })),
  maxLength: (message) => match(message, /more than (\d+) characters/, (limit) => ({ limit: Number(limit) })),
};

function match<T>(message: string, pattern: RegExp, read: (value: string) => T): T | undefined {
  const found = pattern.exec(message)?.[1];
  return found === undefined ? undefined : read(found);
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
