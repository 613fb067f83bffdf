import { type IncomingMessage, STATUS_CODES, type ServerResponse, createServer, maxHeaderSize } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostCheck } from './allowed-hosts.js';
import { REFUSALS } from './refusals.js';
import { JSON_TYPE, type RawRequest, type Reply, refuse } from './reply.js';
import { MockSetupError } from './options.js';
import { maskQuery } from './request-log.js';

export interface RequestLogEntry {
  method: string;
  /** Path with query values hidden (`instanceId` may be a 3CX licence key). */
  path: string;
  status: number;
  milliseconds: number;
  /** For a refused request: what was wrong. */
  message?: string;
  /** How the request or the answer breaks the contract (proxy mode, `strict`). */
  violations?: string[];
  /** An unexpected failure inside the engine, answered with a 500. */
  fault?: string;
}

export interface HttpServerOptions {
  host: string;
  port: number;
  /** Largest request body, in bytes; a larger one gets a 413 while it streams in. */
  bodyLimit: number;
  /** A web origin allowed besides this machine's (`http(s)://localhost|127.0.0.1|[::1]` on any port, always allowed). */
  cors?: string;
  /** Which `Host` headers are answered; others get a 403 before anything else is read. */
  allowsHost: HostCheck;
  handle: (request: RawRequest) => Promise<Reply>;
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface HttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Most bytes of a refused body read and dropped after its 413; a client that sends more is cut off. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * How long an idle keep-alive connection stays open (announced as `Keep-Alive: timeout=120`).
 * Node's default, 5 s, is shorter than some clients keep theirs (Go's own 90 s) and close to what
 * others do (undici: the announced time less a margin): a request sent as the server closes the
 * connection is reset (fetch: `UND_ERR_SOCKET`), and on a busy machine, where the mock reads its
 * socket late, that moment lasts seconds. Longer than clients stay idle, the close never meets a
 * request; `close()` still ends idle connections at once.
 */
const IDLE_CONNECTION_MS = 120_000;

/**
 * The HTTP side of the mock: reads each body within the limit, hands the request to the engine,
 * writes the reply. Whatever fails inside one request becomes that request's 500 envelope; the
 * server keeps serving.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { onRequest } = options;

  const log = (req: IncomingMessage, started: number, reply: Pick<Reply, 'status' | 'message' | 'violations'>, fault?: string): void => {
    if (!onRequest) return;
    onRequest({
      method: req.method ?? 'GET',
      path: maskQuery(req.url ?? '/'),
      status: reply.status,
      milliseconds: Math.round(performance.now() - started),
      ...(reply.message === undefined ? {} : { message: reply.message }),
      ...(reply.violations && reply.violations.length > 0 ? { violations: reply.violations } : {}),
      ...(fault === undefined ? {} : { fault }),
    });
  };

  const write = (res: ServerResponse, reply: Reply): void => {
    if (res.headersSent || res.destroyed) return;
    const headers: Record<string, string | number> = { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) };
    const origin = allowedOrigin(res.req.headers.origin, options.cors);
    if (origin) {
      headers['access-control-allow-origin'] = origin;
      headers['access-control-expose-headers'] = 'Location, Retry-After';
    }
    // Answers differ by Origin: no cache may give one origin's answer to another.
    headers.vary = 'Origin';
    res.writeHead(reply.status, headers);
    res.end(reply.body);
  };

  const server = createServer((req, res) => {
    const started = performance.now();
    if (!options.allowsHost(req.headers.host)) {
      const reply = refuse(REFUSALS.hostNotAllowed(req.headers.host ?? ''));
      write(res, reply);
      log(req, started, reply);
      return;
    }
    const preflightOrigin = req.method === 'OPTIONS' && req.headers['access-control-request-method'] ? allowedOrigin(req.headers.origin, options.cors) : undefined;
    if (preflightOrigin) {
      res.writeHead(204, {
        'access-control-allow-origin': preflightOrigin,
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': 'Authorization, Content-Type, Accept-Charges, Prefer, X-Mock-Session',
        'access-control-max-age': '600',
        vary: 'Origin',
        'content-length': 0,
      });
      res.end();
      return;
    }
    const tooLarge = (): void => {
      const reply = refuse(REFUSALS.payloadTooLarge(options.bodyLimit));
      // Node closes a connection marked "close" as soon as the answer is sent, the rest of the body
      // unread: the reset that sends makes the client's system drop the 413 it has not read yet
      // (ECONNRESET in fetch). So the connection stays open while the rest is read and dropped
      // (up to DRAIN_LIMIT); then it serves the next request, or closes if the client asked so.
      const keepAlive = res.shouldKeepAlive;
      res.shouldKeepAlive = true;
      write(res, reply);
      log(req, started, reply);
      let drained = 0;
      req.removeAllListeners('data');
      req.on('data', (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > DRAIN_LIMIT) req.socket.destroy();
      });
      req.on('end', () => keepAlive || req.socket.end());
      req.resume();
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.bodyLimit) return tooLarge();

    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > options.bodyLimit) {
        refused = true;
        chunks.length = 0;
        tooLarge();
        return;
      }
      chunks.push(chunk);
    });
    // A client that hangs up mid-request: nothing left to answer.
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (refused) return;
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const request: RawRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
      options.handle(request).then(
        (reply) => {
          if (reply.reset) {
            // A fault a test asked for: the connection ends with a TCP reset and no answer.
            req.socket.resetAndDestroy();
            log(req, started, reply);
            return;
          }
          write(res, reply);
          log(req, started, reply);
        },
        (error: unknown) => {
          const reply = refuse(REFUSALS.engineFault());
          write(res, reply);
          log(req, started, reply, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        },
      );
    });
  });
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  // A malformed request line or header never reaches the handler: answer it in the envelope too.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const { status, body } = refuse(error.code === 'HPE_HEADER_OVERFLOW' ? REFUSALS.headersTooLarge(maxHeaderSize) : REFUSALS.malformedHttp());
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: ${JSON_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${String(body)}`,
    );
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
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
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Hosts of this machine: a page served from any of them, on any port, may call the mock. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin to allow for a request's `Origin`: a page of this machine (http or https, localhost,
 * 127.0.0.1 or [::1], any port), or the one origin named with `--cors`; undefined for any other,
 * which then gets no CORS header, so the browser keeps the answer from the page.
 */
export function allowedOrigin(origin: string | undefined, extra: string | undefined): string | undefined {
  if (origin === undefined || origin === 'null') return undefined;
  if (origin === extra) return origin;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.has(url.hostname) && url.origin === origin ? origin : undefined;
  } catch {
    return undefined;
  }
}

/** The setup error for a failed `listen`, naming the port and what to do. */
export function listenError(error: unknown, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new MockSetupError(`Port ${port} on ${host} is already in use: stop what uses it or choose another port (0 picks a free one).`);
  }
  if (code === 'EACCES') {
    return new MockSetupError(`Port ${port} on ${host} needs privileges: choose a port above 1023 (0 picks a free one).`);
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new MockSetupError(`Cannot listen on ${host}: no such address on this machine.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
