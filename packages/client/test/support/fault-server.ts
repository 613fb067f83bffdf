// A local node:http server whose every request is answered by the test's handler: the faults a real
// network produces (refusals, resets, hangs, odd statuses), on demand and on a free port.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (request: SeenRequest, response: ServerResponse, attempt: number) => void;

export interface FaultServer {
  url: string;
  /** Requests received since the last `reset`, in order. */
  seen: SeenRequest[];
  /** Replaces the handler and forgets the requests seen so far. */
  reset(handler: Handler): void;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  let handler: Handler = (_, response) => response.end();
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body };
      seen.push(entry);
      handler(entry, response, seen.length);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    seen,
    reset(next) {
      handler = next;
      seen.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging handlers keep sockets open; a test server must not outlive its suite.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Sends a JSON body with its Content-Length, as the API does. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export const TIMESTAMP = '2020-02-06T12:41:02.7654321Z';
export const envelope = (data?: unknown) => (data === undefined ? { status: 'success', timestamp: TIMESTAMP } : { data, status: 'success', timestamp: TIMESTAMP });
export const errorEnvelope = (status: number, message: string) => ({ error: status, message, status: 'error', timestamp: TIMESTAMP });
