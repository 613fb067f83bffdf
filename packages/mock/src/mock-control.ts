import type { RawRequest, Reply } from './handle-request.js';
import { envelope } from './handle-request.js';
import { timestamp } from './twin/envelopes.js';

/** The mock's own paths, outside the API and its description: no path of the spec starts with it. */
export const CONTROL_PREFIX = '/__mock/';

/**
 * The reply to a request on the mock's own paths, or undefined for any other (the API's):
 * `POST /__mock/reset` puts the twin back to its seed, for test isolation. No token is asked:
 * the mock listens on loopback by default.
 */
export function controlReply(request: RawRequest, reset: () => Promise<void>): Promise<Reply> | undefined {
  const queryAt = request.url.indexOf('?');
  const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
  if (!path.startsWith(CONTROL_PREFIX)) return undefined;
  if (path.replace(/\/$/, '') !== `${CONTROL_PREFIX}reset`) {
    return Promise.resolve(envelope(404, `No such resource: the mock's own path is POST ${CONTROL_PREFIX}reset.`));
  }
  if (request.method !== 'POST') {
    const reply = envelope(405, `Method not allowed: ${CONTROL_PREFIX}reset accepts POST.`);
    return Promise.resolve({ ...reply, headers: { ...reply.headers, allow: 'POST' } });
  }
  return reset().then(
    (): Reply => ({
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ status: 'success', timestamp: timestamp() }),
    }),
    (error: unknown) => envelope(500, `The reset failed: ${(error as Error).message}`),
  );
}
