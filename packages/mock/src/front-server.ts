import { Agent, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBodyExplainer } from './explain-body.js';
import { describeParameterViolations, describeViolations, parseViolations } from './explain-violations.js';
import { answerControl } from './mock-control.js';
import { listenError } from './prism-process.js';
import type { Json, SpecDocument } from './spec-document.js';
import type { Twin } from './twin/index.js';
import { typedExamples } from './typed-examples.js';

export interface FrontOptions {
  /** Prism's base URL (loopback, internal). */
  prismUrl: string;
  host: string;
  port: number;
  spec: SpecDocument;
  /**
   * `mock`: make Prism's answers faithful (see startFront). `proxy`: Prism validates traffic to a
   * real server; pass every answer through untouched and report its contract violations.
   */
  mode: 'mock' | 'proxy';
  /** Dynamic mode fakes answers from the schemas: no example to pick. */
  dynamic: boolean;
  /** Called once per answered request; absent = no request log. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Mock mode: the stateful twin that answers what Prism accepted; absent = static replay. */
  twin?: Pick<Twin, 'respond' | 'reset'>;
}

export interface RequestLogEntry {
  method: string;
  /** Path with query values hidden (`instanceId` may be a 3CX licence key). */
  path: string;
  status: number;
  milliseconds: number;
  /** For a rejected request: what was wrong. */
  message?: string;
  /** Proxy mode: how the request or the upstream's response breaks the contract. */
  violations?: string[];
}

export interface FrontServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The HTTP server in front of Prism. Prism does the contract work (routing, validation, auth,
 * examples, `Prefer`); this adds what Prism cannot do from a spec alone:
 * - a create answers with the example of the `_type` that was sent, and a `Location` on this mock;
 * - a rejected request's 400 envelope says in `message` which parameter or field is wrong and why
 *   (Prism serves the same example message whatever was wrong and puts the reason in
 *   `sl-violations`, which stays on the response).
 * Everything else is streamed through untouched.
 */
export async function startFront(options: FrontOptions): Promise<FrontServer> {
  const { spec, prismUrl, onRequest } = options;
  const faithful = options.mode === 'mock';
  const examples = options.dynamic || !faithful ? new Map() : typedExamples(spec);
  const explainBody = createBodyExplainer(spec);
  const agent = new Agent({ keepAlive: true });
  const prism = new URL(prismUrl);

  // Per-request work stays small: this server sits on the hot path of every call to the mock.
  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const started = performance.now();
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const pathname = queryAt < 0 ? target : target.slice(0, queryAt);
    const method = req.method ?? 'GET';
    if (faithful && answerControl(pathname, req, res, () => options.twin?.reset() ?? Promise.resolve())) return;
    let operation: ReturnType<SpecDocument['find']> | null = null;
    const findOperation = () => (operation ??= spec.find(method, pathname));
    let parsed: ParsedJson | undefined;
    const parsedBody = () => (parsed ??= parseJson(body));

    const headers: OutgoingHttpHeaders = { ...req.headers, host: prism.host };
    // Hop-by-hop: the connection to Prism is this server's own, kept alive by the agent.
    delete headers.connection;
    delete headers['keep-alive'];
    if (body.length > 0 && examples.size > 0 && !choosesAnswer(req.headers.prefer)) {
      const typed = examples.get(findOperation());
      const sent = typed && parsedBody().value;
      const name = typed && isObject(sent) ? typed.names.get(String(sent[typed.property])) : undefined;
      if (name) headers.prefer = req.headers.prefer ? `${String(req.headers.prefer)}, example=${name}` : `example=${name}`;
    }

    const log = (status: number, message?: string, violations?: string[]): void => {
      if (!onRequest) return;
      const query = queryAt < 0 ? '' : `?${[...new URLSearchParams(target.slice(queryAt + 1)).keys()].map((key) => `${key}=…`).join('&')}`;
      onRequest({
        ...(violations && violations.length > 0 ? { violations } : {}),
        method,
        path: pathname + query,
        status,
        milliseconds: Math.round(performance.now() - started),
        ...(message === undefined ? {} : { message }),
      });
    };

    const onAnswer = (answer: IncomingMessage): void => {
      const status = answer.statusCode ?? 502;
      const twin = options.twin;
      const valid = status >= 200 && status < 300 && answer.headers['sl-violations'] === undefined;
      if (faithful && twin && valid && !picksExample(req.headers.prefer)) {
        const operation = findOperation();
        const answered = operation && twin.respond({
          operationId: String(operation.object.operationId),
          method,
          path: pathname,
          pathParams: pathParams(operation.path, pathname),
          query: Object.fromEntries(new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1))),
          headers: req.headers,
          body: parsedBody().value,
        });
        if (answered) {
          answer.resume();
          const payload = answered.body === undefined ? '' : JSON.stringify(answered.body);
          res.writeHead(answered.status, {
            ...answered.headers,
            ...(payload ? { 'content-type': 'application/json; charset=utf-8' } : {}),
            'content-length': String(Buffer.byteLength(payload)),
          });
          res.end(payload);
          log(answered.status, answered.status >= 400 ? String((answered.body as Json | undefined)?.message) : undefined);
          return;
        }
      }
      if (!faithful || (status !== 400 && status !== 201)) {
        res.writeHead(status, endToEndHeaders(answer.rawHeaders));
        answer.pipe(res);
        const reported = faithful ? undefined : describeViolations(answer.headers['sl-violations']);
        answer.on('end', () => log(status, undefined, reported));
        return;
      }
      const parts: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => parts.push(chunk));
      answer.on('end', () => {
        let payload = Buffer.concat(parts);
        const outHeaders = { ...answer.headers };
        for (const name of HOP_BY_HOP) delete outHeaders[name];
        let message: string | undefined;
        if (status === 400) {
          const rewritten = explainRejection(answer, payload, findOperation(), parsedBody(), explainBody, spec);
          if (rewritten) {
            payload = Buffer.from(JSON.stringify(rewritten));
            outHeaders['content-type'] = 'application/json; charset=utf-8';
            message = rewritten.message;
          }
        } else {
          const id = ((parseJson(payload).value as Json | undefined)?.data as Json | undefined)?.id;
          if (typeof id === 'string' && 'location' in outHeaders) {
            outHeaders.location = `http://${req.headers.host ?? prism.host}${pathname.replace(/\/$/, '')}/${id}`;
          }
        }
        outHeaders['content-length'] = String(payload.length);
        res.writeHead(status, outHeaders);
        res.end(payload);
        log(status, message);
      });
    };

    const send = (retried: boolean): void => {
      // The retry gets a connection of its own: the pool may hold more sockets Prism has closed.
      const via = retried ? { agent: false as const } : { agent };
      const upstream = request({ host: prism.hostname, port: prism.port, path: target, method, headers, ...via }, onAnswer);
      upstream.on('error', (error) => {
        // Prism closes a kept-alive socket after 5 s idle; on a busy machine the pool may not have
        // noticed yet and reuse it. Try once more; safe for any method: the body is buffered and the
        // mock keeps no state.
        if (upstream.reusedSocket && !retried && !res.headersSent) {
          send(true);
          return;
        }
        if (res.headersSent) {
          res.destroy(error);
          return;
        }
        const envelope = errorEnvelope(502, `The mock's Prism process did not answer (${error.message}).`);
        res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(envelope));
        log(502, envelope.message);
      });
      upstream.end(body);
    };
    send(false);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A client that hangs up mid-request: nothing left to answer.
    req.on('error', () => res.destroy());
    req.on('end', () => {
      try {
        handle(req, res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(errorEnvelope(500, `The mock failed: ${String(error)}`)));
      }
    });
  });
  try {
    server.listen(options.port, options.host);
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    throw listenError(error, options.host, options.port);
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding'];

/** Prism's response headers without the hop-by-hop ones, which belong to each connection. */
function endToEndHeaders(raw: string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < raw.length; index += 2) {
    if (!HOP_BY_HOP.includes(raw[index]!.toLowerCase())) kept.push(raw[index]!, raw[index + 1]!);
  }
  return kept;
}

type ErrorEnvelope = { error: number; message: string; status: 'error'; timestamp: string };

/** The 400 envelope with a `message` that names what was wrong, or undefined to pass Prism's on. */
function explainRejection(
  answer: IncomingMessage,
  payload: Buffer,
  operation: ReturnType<SpecDocument['find']>,
  body: ParsedJson,
  explainBody: ReturnType<typeof createBodyExplainer>,
  spec: SpecDocument,
): ErrorEnvelope | undefined {
  const violations = parseViolations(answer.headers['sl-violations']);
  const prismEnvelope = parseJson(payload).value;
  const isEnvelope = isObject(prismEnvelope) && prismEnvelope.status === 'error' && typeof prismEnvelope.message === 'string';
  if (violations.length === 0 && isEnvelope) return undefined; // e.g. `Prefer: code=400` on a valid request

  const { parameters, body: bodyViolations, other } = describeParameterViolations(violations, operation);
  let bodyParts: string[] = [];
  if (body.invalid) bodyParts = ['the body is not valid JSON'];
  else if (bodyViolations.length > 0 || (!isEnvelope && violations.length === 0)) {
    const schema = requestSchema(operation, spec);
    bodyParts = schema ? explainBody(schema, body.value) : [];
    if (bodyParts.length === 0) bodyParts = bodyViolations;
  }
  const parts = [...parameters, ...bodyParts, ...other.filter(() => bodyParts.length === 0)];
  const message = parts.length > 0 ? `Invalid request: ${parts.join('; ')}.` : isEnvelope ? String(prismEnvelope.message) : 'Invalid request.';
  return errorEnvelope(400, message);
}

function requestSchema(operation: ReturnType<SpecDocument['find']>, spec: SpecDocument): unknown {
  const requestBody = operation?.object.requestBody ? spec.resolve(operation.object.requestBody) : undefined;
  const content = requestBody?.content as Record<string, Json> | undefined;
  return content?.['application/json']?.schema;
}

function errorEnvelope(status: number, message: string): ErrorEnvelope {
  // The API's timestamps carry 7 fraction digits (.NET round-trip format).
  const timestamp = new Date().toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
  return { error: status, message, status: 'error', timestamp };
}

/**
 * A `Prefer` that already picks the answer (`example=`, `dynamic=`, or `code=` of an error) is left
 * alone; `code=201` still gets the example of the sent `_type`.
 */
function choosesAnswer(prefer: string | string[] | undefined): boolean {
  if (prefer === undefined) return false;
  const text = String(prefer);
  const code = /\bcode\s*=\s*(\d+)/.exec(text)?.[1];
  return /\b(example|dynamic)\s*=/.test(text) || (code !== undefined && !code.startsWith('2'));
}

/** `Prefer: code=`, `example=` or `dynamic=`: the client asks for the spec's examples, not the twin. */
function picksExample(prefer: string | string[] | undefined): boolean {
  return prefer !== undefined && /\b(example|code|dynamic)\s*=/.test(String(prefer));
}

/** The path parameters of a request, by the names of the operation's path template. */
function pathParams(template: string, pathname: string): Record<string, string> {
  const names = template.split('/');
  const values = pathname.split('/');
  const result: Record<string, string> = {};
  names.forEach((name, index) => {
    const match = /^\{(.+)\}$/.exec(name);
    if (match) result[match[1]!] = decodeURIComponent(values[index] ?? '');
  });
  return result;
}

interface ParsedJson {
  value: unknown;
  /** Non-empty and not JSON. */
  invalid: boolean;
}

function parseJson(buffer: Buffer): ParsedJson {
  if (buffer.length === 0) return { value: undefined, invalid: false };
  try {
    return { value: JSON.parse(buffer.toString('utf8')) as unknown, invalid: false };
  } catch {
    return { value: undefined, invalid: true };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
