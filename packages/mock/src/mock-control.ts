import type { IncomingMessage, ServerResponse } from 'node:http';
import { timestamp } from './twin/envelopes.js';

/** The mock's own paths, outside the API and its description: nothing of the spec starts with them. */
export const CONTROL_PREFIX = '/__mock/';

/**
 * Answers a request to the mock's own paths: `POST /__mock/reset` puts the twin back to its seed
 * (for test isolation). No token is asked: the mock listens on loopback by default.
 * Returns false for any other path, which is the API's.
 */
export function answerControl(pathname: string, req: IncomingMessage, res: ServerResponse, reset: () => Promise<void>): boolean {
  if (!pathname.startsWith(CONTROL_PREFIX)) return false;
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  };
  const error = (status: number, message: string) => ({ error: status, message, status: 'error', timestamp: timestamp() });
  if (pathname.replace(/\/$/, '') !== `${CONTROL_PREFIX}reset`) {
    send(404, error(404, `The mock has no path ${pathname.slice(0, 100)}; its own path is POST ${CONTROL_PREFIX}reset.`));
  } else if (req.method !== 'POST') {
    send(405, error(405, `${CONTROL_PREFIX}reset takes POST.`), { allow: 'POST' });
  } else {
    reset().then(
      () => send(200, { status: 'success', timestamp: timestamp() }),
      (failure: unknown) => send(500, error(500, `The reset failed: ${(failure as Error).message}`)),
    );
  }
  return true;
}
