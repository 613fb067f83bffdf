import { REFUSALS } from './refusals.js';
import { JSON_TYPE, type RawRequest, type Reply, refuse } from './reply.js';
import { timestamp } from './twin/index.js';

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
    return Promise.resolve(refuse(REFUSALS.noSuchControl(CONTROL_PREFIX)));
  }
  if (request.method !== 'POST') {
    return Promise.resolve(refuse(REFUSALS.controlMethodNotAllowed(CONTROL_PREFIX)));
  }
  return reset().then(
    (): Reply => ({
      status: 200,
      headers: { 'content-type': JSON_TYPE },
      body: JSON.stringify({ status: 'success', timestamp: timestamp() }),
    }),
    (error: unknown) => refuse(REFUSALS.resetFailed((error as Error).message)),
  );
}
