import { constants, existsSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { type FileHandle, open, realpath, stat } from 'node:fs/promises';
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
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
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

  const files: FileCache = new Map();
  const server = createServer((request, response) => handle(rootDir, files, request, response));
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

/** Reads of a file that changes under them before the server gives up with 503 (a build in progress). */
const READ_ATTEMPTS = 3;

interface ServedFile {
  path: string;
  body: Buffer;
  mtimeMs: number;
  /** The version read: a file replaced or rewritten since has another inode, size, mtime or ctime. */
  version: string;
}

/**
 * The last version read of each file, by real path. Every answer sends that one Buffer: a thousand
 * slow readers of the 2.6 MB page hold references to one copy, not a copy each.
 */
type FileCache = Map<string, ServedFile>;

const versionOf = (stats: Stats): string => `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;

function handle(rootDir: string, files: FileCache, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, `Method ${request.method ?? ''} not allowed: the docs are read-only.`, { Allow: 'GET, HEAD' });
  }
  serveFile(rootDir, files, request, response).catch(() => {
    if (!response.headersSent) send(response, 500, 'The docs could not be read.');
    else response.destroy();
  });
}

async function serveFile(rootDir: string, files: FileCache, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const pathname = pathnameOf(request.url ?? '/');
  if (pathname === undefined) return send(response, 404, 'Not found.');
  const file = await readInside(rootDir, files, pathname);
  if (file === 'changing') return send(response, 503, 'The docs are being rebuilt: try again.', { 'Retry-After': '1' });
  if (file === undefined) {
    // The page routes by hash (`/#/getting-started`) but its pre-rendered links name the plain
    // path: a path without a file extension is a section of the page, sent back to it. A missing
    // file with an extension stays a 404.
    if (isPageRoute(pathname)) return send(response, 302, 'The reference page.', { Location: encodeURI(`/#${pathname}`) });
    return send(response, 404, 'Not found.');
  }

  const etag = `"${file.body.length.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file.path)] ?? 'application/octet-stream',
    // Not fingerprinted: the browser keeps a copy but asks each time whether it is still current.
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Last-Modified': new Date(file.mtimeMs).toUTCString(),
  };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    return void response.end();
  }
  response.writeHead(200, { ...headers, 'Content-Length': file.body.length });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

/** Route paths of the page: segments without a dot (`/quirks-and-warnings/typos-in-the-vendor's-examples`). */
// A section's route may hold dots (the changelog's `/changelog/1.0.0`): only an extension the server
// serves as an asset makes a path a file; no segment starts with a dot (`..`, hidden files).
const isPageRoute = (pathname: string): boolean => /^(\/[^/.][^/]*)+$/.test(pathname) && !(extname(pathname) in CONTENT_TYPES);

/** The decoded path of a request URL, or undefined when it cannot name a file. */
function pathnameOf(url: string): string | undefined {
  try {
    const pathname = decodeURIComponent(new URL(url, 'http://docs.invalid').pathname);
    return pathname.includes('\0') ? undefined : pathname;
  } catch {
    return undefined; // malformed percent-encoding
  }
}

/**
 * The whole file a path names inside `rootDir`: the cached copy while the file is the version it
 * was read from, else read in one go through one descriptor so that the answer is one version of
 * it: a file deleted meanwhile is still read whole, one rewritten while read ('changing' after a
 * few attempts) is never sent half old, half new. Undefined when there is no such regular file, or
 * its real path (symlinks resolved) lies outside `rootDir`.
 */
async function readInside(rootDir: string, files: FileCache, pathname: string): Promise<ServedFile | 'changing' | undefined> {
  const candidate = resolve(rootDir, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  if (!isInside(rootDir, candidate)) return undefined;
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return undefined; // missing, or removed since
  }
  if (!isInside(await realpath(rootDir), real)) return undefined;
  const cached = files.get(real);
  if (cached && cached.version === (await stat(real).then(versionOf, () => undefined))) return cached;
  files.delete(real);
  let handle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      const before = await handle.stat();
      if (!before.isFile()) return undefined;
      const body = await readFromStart(handle);
      const after = await handle.stat();
      if (after.size === body.length && after.mtimeMs === before.mtimeMs) {
        const file = { path: real, body, mtimeMs: after.mtimeMs, version: versionOf(after) };
        files.set(real, file);
        return file;
      }
      // Rewritten while read: read it again from the start.
    }
    return 'changing';
  } finally {
    await handle.close();
  }
}

/** Every byte of the file from offset 0 (positional reads: a retry starts over, a growing file is read to its end). */
async function readFromStart(handle: FileHandle): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let position = 0; ; ) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, bytesRead));
    position += bytesRead;
  }
}

function isInside(rootDir: string, path: string): boolean {
  const inside = relative(rootDir, path);
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
}

function send(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(`${message}\n`);
}
