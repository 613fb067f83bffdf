import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built site (`docs/dist`), next to this package's compiled code in `docs/lib`. */
export const DOCS_DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));

export interface ServeDocsOptions {
  /** Interface to bind. Default `127.0.0.1`: the docs are for this machine. */
  host?: string;
  /** Port to listen on; `0` (the default) picks a free one. */
  port?: number;
  /** Folder to serve. Default: the built site, `docs/dist`. */
  root?: string;
}

export interface DocsServer {
  /** Where the reference page is, e.g. `http://127.0.0.1:4011/`. */
  url: string;
  /** Closes the server and every open connection. */
  stop(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

// The page is one file: nothing it needs comes from elsewhere, and it must not be framed by other sites.
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/**
 * Serves the built reference docs over HTTP: GET and HEAD of the files under `root`, `/` being
 * `index.html`. Nothing outside `root` is reachable. Rejects if `root` has no `index.html` (run the
 * docs build first) or the port is taken.
 */
export async function serveDocs({ host = '127.0.0.1', port = 0, root = DOCS_DIST_DIR }: ServeDocsOptions = {}): Promise<DocsServer> {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535 (0 picks a free port), not ${String(port)}.`);
  }
  const rootDir = resolve(root);
  if (!existsSync(join(rootDir, 'index.html'))) {
    throw new Error(`No built docs in ${rootDir}: run \`npm run build\` at the repository root first.`);
  }

  const server = createServer((request, response) => handle(rootDir, request, response));
  await new Promise<void>((done, fail) => {
    const refuse = (error: NodeJS.ErrnoException): void =>
      fail(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use: stop what listens there or pick another port.`) : error);
    server.once('error', refuse);
    server.listen(port, host, () => {
      server.off('error', refuse);
      done();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}/`,
    stop: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

function handle(rootDir: string, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, `Method ${request.method ?? ''} not allowed: the docs are read-only.`, { Allow: 'GET, HEAD' });
  }
  const file = resolveFile(rootDir, request.url ?? '/');
  if (!file) return send(response, 404, 'Not found.');

  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    // Gone since resolveFile saw it (a rebuild in progress): a 404, not an uncaught ENOENT.
    return send(response, 404, 'Not found.');
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': 'no-cache',
  });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

/** The file a URL names inside `rootDir`, or undefined when there is none (or it lies outside). */
function resolveFile(rootDir: string, url: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://docs.invalid').pathname);
  } catch {
    return undefined; // malformed percent-encoding
  }
  if (pathname.includes('\0')) return undefined;
  const candidate = resolve(rootDir, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  const inside = relative(rootDir, candidate);
  if (inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
}

function send(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(`${message}\n`);
}
