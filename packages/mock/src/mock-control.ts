import type { IncomingHttpHeaders } from 'node:http';
import { type HostCheck, hostnameOf } from './allowed-hosts.js';
import { MockSetupError } from './options.js';
import { REFUSALS, type Refusal } from './refusals.js';
import { JSON_TYPE, type RawRequest, type Reply, refuse } from './reply.js';
import { type Journal, type JournalFilter, filterProblem } from './test-tool/journal.js';
import { timestamp } from './twin/index.js';

/** The mock's own paths, outside the API and its description: no path of the spec starts with it. */
export const CONTROL_PREFIX = '/__mock/';

/**
 * What the control paths act on. With `x-mock-session`, each acts on that session only: its twin,
 * its state, its entries of the journal.
 */
export interface Controls {
  /** Puts the twin back to its seed; a session's reset drops that session (it starts afresh on its next request). */
  reset(session: string | undefined): Promise<void>;
  journal: Journal;
  /** The twin's state; undefined in static replay, which keeps none. */
  state(session: string | undefined): Promise<{ snapshot(): unknown; restore(document: unknown): Promise<void> } | undefined>;
}

type Handler = (request: RawRequest, query: URLSearchParams, controls: Controls, session: string | undefined) => Promise<Reply> | Reply;

/**
 * The mock's own paths, for tests: reset the twin, read and clear the request journal, save and
 * restore the state. No token is asked (the mock listens on loopback by default), but a web page
 * must not reach them: see pageRefusal.
 */
const ROUTES: Record<string, Record<string, Handler>> = {
  reset: {
    POST: async (_request, _query, controls, session) => {
      await controls.reset(session);
      return success();
    },
  },
  requests: {
    GET: (_request, query, controls, session) => {
      const filter: JournalFilter = {
        ...(session !== undefined && { session }),
        ...(query.has('operation') && { operationId: query.get('operation')! }),
        ...(query.has('status') && { status: query.get('status')! }),
      };
      const problem = filterProblem(filter);
      return problem ? refuse(REFUSALS.invalidControlRequest(problem)) : success(controls.journal.read(filter));
    },
    DELETE: (_request, _query, controls, session) => {
      controls.journal.clear(session);
      return success();
    },
  },
  state: {
    GET: async (_request, _query, controls, session) => {
      const state = await controls.state(session);
      return state ? success(state.snapshot()) : refuse(REFUSALS.noState());
    },
    PUT: async (request, _query, controls, session) => {
      const state = await controls.state(session);
      if (!state) return refuse(REFUSALS.noState());
      let document: unknown;
      try {
        document = JSON.parse(request.body.toString('utf8'));
      } catch {
        return refuse(REFUSALS.invalidControlRequest('the body is not valid JSON; send a state as GET /__mock/state returns it.'));
      }
      try {
        await state.restore(document);
      } catch (error) {
        if (error instanceof MockSetupError) return refuse(REFUSALS.invalidControlRequest(error.message));
        throw error;
      }
      return success();
    },
  },
};

/** `GET|DELETE /__mock/requests`, … for the messages that list them. */
export const CONTROL_PATHS = Object.entries(ROUTES).map(([name, methods]) => `${Object.keys(methods).join('|')} ${CONTROL_PREFIX}${name}`);

/** The reply to a request on the mock's own paths, or undefined for any other (the API's). */
export function controlReply(request: RawRequest, controls: Controls, allowsHost: HostCheck, session?: string): Promise<Reply> | undefined {
  const queryAt = request.url.indexOf('?');
  const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
  if (!path.startsWith(CONTROL_PREFIX)) return undefined;
  const refused = pageRefusal(request.headers, allowsHost);
  if (refused) return Promise.resolve(refuse(refused));
  const name = path.slice(CONTROL_PREFIX.length).replace(/\/$/, '');
  const methods = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
  if (!methods) return Promise.resolve(refuse(REFUSALS.noSuchControl(CONTROL_PATHS)));
  const handler = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
  if (!handler) return Promise.resolve(refuse(REFUSALS.controlMethodNotAllowed(path, Object.keys(methods))));
  const query = new URLSearchParams(queryAt < 0 ? '' : request.url.slice(queryAt + 1));
  return Promise.resolve()
    .then(() => handler(request, query, controls, session))
    .catch((error: unknown) => refuse(REFUSALS.controlFailed((error as Error).message)));
}

function success(data?: unknown): Reply {
  return {
    status: 200,
    headers: { 'content-type': JSON_TYPE },
    body: JSON.stringify({ status: 'success', timestamp: timestamp(), ...(data === undefined ? {} : { data }) }),
  };
}

/**
 * What a web page of another site could send is refused: a cross-site form or a CORS-simple
 * request cannot add the `X-Mock-Control` header (a page needs a CORS preflight for it, and the
 * mock grants none for it), and a browser names the page's site in `Origin` and `Sec-Fetch-Site`.
 * A local tool (curl, a test, `mock.reset()`) sends the header and no `Origin`.
 */
function pageRefusal(headers: IncomingHttpHeaders, allowsHost: HostCheck): Refusal | undefined {
  const { origin } = headers;
  if (headers['sec-fetch-site'] === 'cross-site') return REFUSALS.controlCrossSite(origin ?? 'another site');
  const page = origin?.includes('://') ? hostnameOf(origin) : undefined;
  if (origin !== undefined && (page === undefined || !allowsHost(page))) return REFUSALS.controlCrossSite(origin);
  if (!headers['x-mock-control']) return REFUSALS.controlHeaderMissing(CONTROL_PREFIX);
  return undefined;
}
