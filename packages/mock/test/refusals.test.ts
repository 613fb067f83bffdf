// Every entry of the refusal catalogue, provoked the way a client meets it, answers its status and
// message in the API's envelope. The table is typed by the catalogue: a new refusal without a case
// here does not compile, and the last test fails.
import { once } from 'node:events';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { kazooCreate } from '@myreports/pbx-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, type RunningProxy, startMock, startProxy } from '@myreports/pbx-mock';
import { CONTROL_PATHS, CONTROL_PREFIX, controlReply } from '../src/mock-control.js';
import { createJournal } from '../src/test-tool/journal.js';
import { REFUSALS, type Refusal, type RefusalName } from '../src/refusals.js';
import { BEARER, CONTROL, PATHS, WRITE_HEADERS, call, callWith } from './support/mock-client.js';

interface Seen {
  status: number;
  header: (name: string) => string | null | undefined;
  json: any;
}

let mock: RunningMock;
let small: RunningMock;
let strict: RunningMock;
let faulty: RunningMock;
let replay: RunningMock;
let oneSession: RunningMock;
let unsaved: RunningMock;
const proxies: RunningProxy[] = [];
const upstreams: Server[] = [];

beforeAll(async () => {
  [mock, small, strict, faulty, replay, oneSession, unsaved] = await Promise.all([
    startMock({ port: 0, logLevel: 'silent' }),
    startMock({ port: 0, logLevel: 'silent', bodyLimit: 200 }),
    startMock({ port: 0, logLevel: 'silent', strict: true, respond: () => ({ status: 200, body: { data: 'not a list' } }) }),
    startMock({
      port: 0,
      logLevel: 'silent',
      respond: () => {
        throw new Error('responder failure');
      },
    }),
    startMock({ port: 0, logLevel: 'silent', static: true }),
    startMock({ port: 0, logLevel: 'silent', maxSessions: 1 }),
    // A responder whose change could not be made durable (a state file on a full disk).
    startMock({ port: 0, logLevel: 'silent', respond: () => ({ status: 200, body: { data: [], page_size: 0 }, saved: Promise.reject(new Error('the disk is full')) }) }),
  ]);
});
afterAll(async () => {
  await Promise.all([mock, small, strict, faulty, replay, oneSession, unsaved, ...proxies].map((server) => server?.stop()));
  for (const server of upstreams) server.closeAllConnections(), server.close();
});

const seen = (answer: Awaited<ReturnType<typeof call>>): Seen => ({ status: answer.status, header: (name) => answer.headers.get(name), json: answer.json });

/** A proxy in front of an upstream that answers with `handler`. */
async function proxyFor(handler: Parameters<typeof createServer>[1], options: { upstreamTimeoutMs?: number } = {}): Promise<RunningProxy> {
  const server = createServer(handler).listen(0, '127.0.0.1');
  upstreams.push(server);
  await once(server, 'listening');
  const proxy = await startProxy({ upstream: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, port: 0, logLevel: 'silent', ...options });
  proxies.push(proxy);
  return proxy;
}

/** Raw bytes on a socket, for what no HTTP client sends (a malformed request, a body without Content-Type). */
async function rawHttp(url: string, bytes: string): Promise<Seen> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.end(bytes);
  let text = '';
  for await (const chunk of socket) text += String(chunk);
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const headers = new Map(head.split('\r\n').slice(1).map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(head.split(' ')[1]), header: (name) => headers.get(name), json: JSON.parse(body) };
}

const patch = (operations: number) => Array.from({ length: operations }, () => ({ op: 'replace', path: '/name', value: 'x' }));

const CASES: { [name in RefusalName]: { want: Refusal; provoke: () => Promise<Seen> } } = {
  noSuchResource: {
    want: REFUSALS.noSuchResource('GET', '/v1.0/unknown'),
    provoke: async () => seen(await call(mock.url, 'GET', '/v1.0/unknown', { headers: BEARER })),
  },
  methodNotAllowed: {
    want: REFUSALS.methodNotAllowed(PATHS.profile(), ['GET', 'DELETE', 'PATCH']),
    provoke: async () => seen(await call(mock.url, 'PUT', PATHS.profile(), { headers: BEARER })),
  },
  notAcceptable: {
    want: REFUSALS.notAcceptable('text/html'),
    provoke: async () => seen(await call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, accept: 'text/html' } })),
  },
  contentTypeMissing: {
    want: REFUSALS.contentTypeMissing(['application/json']),
    provoke: () => {
      const body = JSON.stringify(kazooCreate());
      const headers = Object.entries({ ...WRITE_HEADERS, 'content-type': undefined, 'content-length': Buffer.byteLength(body), connection: 'close' })
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      return rawHttp(mock.url, `POST ${PATHS.profiles} HTTP/1.1\r\nhost: localhost\r\n${headers}\r\n${body}`);
    },
  },
  contentTypeNotTaken: {
    want: REFUSALS.contentTypeNotTaken('text/plain', ['application/json']),
    provoke: async () => seen(await call(mock.url, 'POST', PATHS.profiles, { headers: { ...WRITE_HEADERS, 'content-type': 'text/plain' }, body: kazooCreate() })),
  },
  tooManyPatchOperations: {
    want: REFUSALS.tooManyPatchOperations(101, 100),
    provoke: async () => seen(await call(mock.url, 'PATCH', PATHS.profile(), { headers: WRITE_HEADERS, body: patch(101) })),
  },
  tooManyMembers: {
    want: REFUSALS.tooManyMembers(1000),
    provoke: async () =>
      seen(await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: { ...kazooCreate(), extra: Array.from({ length: 1001 }, () => 1) } })),
  },
  invalidPrefer: {
    want: REFUSALS.invalidPrefer(),
    provoke: async () => seen(await call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, prefer: 'code=abc' } })),
  },
  invalidFaultPreference: {
    want: REFUSALS.invalidFaultPreference('Prefer delay must be a whole number of milliseconds from 0 to 60000, not "soon".'),
    provoke: async () => seen(await call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, prefer: 'delay=soon' } })),
  },
  faultTooManyRequests: {
    want: { ...REFUSALS.faultTooManyRequests(2, 'Prefer: fault=429'), headers: { 'retry-after': '2' } },
    provoke: async () => seen(await call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, prefer: 'fault=429, retry-after=2' } })),
  },
  faultUnavailable: {
    want: { ...REFUSALS.faultUnavailable(1, 'Prefer: fault=503'), headers: { 'retry-after': '1' } },
    provoke: async () => seen(await call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, prefer: 'fault=503' } })),
  },
  invalidRequest: {
    want: REFUSALS.invalidRequest('Invalid request: body field name is required.'),
    provoke: async () => seen(await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: { ...kazooCreate(), name: undefined } })),
  },
  answerBreaksContract: {
    want: { status: 500, message: expect.stringMatching(/^The mock's answer \(200\) breaks the contract: response\.body/) },
    provoke: async () => seen(await call(strict.url, 'GET', PATHS.profiles, { headers: BEARER })),
  },
  preferredStatusNotDeclared: {
    want: REFUSALS.preferredStatusNotDeclared(500, ['200', '400', '401', '404']),
    provoke: async () => seen(await call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, prefer: 'code=500' } })),
  },
  preferredExampleNotDeclared: {
    want: REFUSALS.preferredExampleNotDeclared('NoSuchExample', 200, ['ProfileList', 'EmptyProfileList']),
    provoke: async () => seen(await call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, prefer: 'example=NoSuchExample' } })),
  },
  payloadTooLarge: {
    want: REFUSALS.payloadTooLarge(200),
    provoke: async () => seen(await call(small.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: { ...kazooCreate(), name: 'x'.repeat(300) } })),
  },
  malformedHttp: {
    want: REFUSALS.malformedHttp(),
    provoke: () => rawHttp(mock.url, 'NOT HTTP AT ALL\r\n\r\n'),
  },
  hostNotAllowed: {
    want: REFUSALS.hostNotAllowed('rebound.example:4010'),
    provoke: async () => seen(await callWith(mock.url, 'GET', PATHS.profiles, { ...BEARER, host: 'rebound.example:4010' })),
  },
  headersTooLarge: {
    want: REFUSALS.headersTooLarge(16384),
    provoke: () => rawHttp(mock.url, `GET ${PATHS.profiles} HTTP/1.1\r\nhost: localhost\r\nx-large: ${'a'.repeat(80 * 1024)}\r\n\r\n`),
  },
  engineFault: {
    want: REFUSALS.engineFault(),
    provoke: async () => seen(await call(faulty.url, 'GET', PATHS.profiles, { headers: BEARER })),
  },
  notSaved: {
    want: REFUSALS.notSaved('the disk is full'),
    provoke: async () => seen(await call(unsaved.url, 'GET', PATHS.profiles, { headers: BEARER })),
  },
  controlHeaderMissing: {
    want: REFUSALS.controlHeaderMissing(CONTROL_PREFIX),
    provoke: async () => seen(await call(mock.url, 'POST', `${CONTROL_PREFIX}reset`)),
  },
  controlCrossSite: {
    want: REFUSALS.controlCrossSite('https://page.example'),
    provoke: async () => seen(await call(mock.url, 'POST', `${CONTROL_PREFIX}reset`, { headers: { ...CONTROL, origin: 'https://page.example' } })),
  },
  noSuchControl: {
    want: REFUSALS.noSuchControl(CONTROL_PATHS),
    provoke: async () => seen(await call(mock.url, 'POST', `${CONTROL_PREFIX}nothing`, { headers: CONTROL })),
  },
  controlMethodNotAllowed: {
    want: REFUSALS.controlMethodNotAllowed(`${CONTROL_PREFIX}reset`, ['POST']),
    provoke: async () => seen(await call(mock.url, 'GET', `${CONTROL_PREFIX}reset`, { headers: CONTROL })),
  },
  invalidControlRequest: {
    want: REFUSALS.invalidControlRequest('query parameter status must be a status (404) or a class (4xx), not "teapot".'),
    provoke: async () => seen(await call(mock.url, 'GET', `${CONTROL_PREFIX}requests?status=teapot`, { headers: CONTROL })),
  },
  noState: {
    want: REFUSALS.noState(),
    provoke: async () => seen(await call(replay.url, 'GET', `${CONTROL_PREFIX}state`, { headers: CONTROL })),
  },
  invalidSession: {
    want: REFUSALS.invalidSession('worker 1'),
    provoke: async () => seen(await call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, 'x-mock-session': 'worker 1' } })),
  },
  tooManySessions: {
    want: REFUSALS.tooManySessions(1),
    provoke: async () => {
      await call(oneSession.url, 'GET', PATHS.profiles, { headers: { ...BEARER, 'x-mock-session': 'first' } });
      return seen(await call(oneSession.url, 'GET', PATHS.profiles, { headers: { ...BEARER, 'x-mock-session': 'second' } }));
    },
  },
  controlFailed: {
    want: REFUSALS.controlFailed('disk full'),
    // No control request of this mock fails today (the state file reports its own write errors): the reply of one that would.
    provoke: async () => {
      const controls = { reset: () => Promise.reject(new Error('disk full')), journal: createJournal(0), state: () => Promise.resolve(undefined) };
      const reply = await controlReply({ method: 'POST', url: `${CONTROL_PREFIX}reset`, headers: CONTROL, body: Buffer.alloc(0) }, controls, () => true)!;
      return { status: reply.status, header: (name) => reply.headers[name]?.toString(), json: JSON.parse(String(reply.body)) };
    },
  },
  upstreamTooLarge: {
    want: REFUSALS.upstreamTooLarge(10 * 1024 * 1024),
    provoke: async () => {
      const proxy = await proxyFor((_, res) => res.end(Buffer.alloc(10 * 1024 * 1024 + 1, 32)));
      return seen(await call(proxy.url, 'GET', PATHS.profiles, { headers: BEARER }));
    },
  },
  upstreamCutShort: {
    want: REFUSALS.upstreamCutShort(),
    provoke: async () => {
      const proxy = await proxyFor((_, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"data":', () => res.socket?.destroy());
      });
      return seen(await call(proxy.url, 'GET', PATHS.profiles, { headers: BEARER }));
    },
  },
  upstreamSwitchedProtocols: {
    want: REFUSALS.upstreamSwitchedProtocols(),
    provoke: async () => {
      const proxy = await proxyFor((req) => req.socket.write('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n'));
      return seen(await call(proxy.url, 'GET', PATHS.profiles, { headers: BEARER }));
    },
  },
  upstreamUnreachable: {
    want: REFUSALS.upstreamUnreachable('ECONNRESET'),
    provoke: async () => {
      const proxy = await proxyFor((req) => req.socket.destroy());
      return seen(await call(proxy.url, 'GET', PATHS.profiles, { headers: BEARER }));
    },
  },
  upstreamTimeout: {
    want: REFUSALS.upstreamTimeout(100),
    // The upstream never answers; the proxy gives up after its (short) timeout.
    provoke: async () => seen(await call((await proxyFor(() => {}, { upstreamTimeoutMs: 100 })).url, 'GET', PATHS.profiles, { headers: BEARER })),
  },
};

describe('the refusal catalogue', () => {
  it.each(Object.entries(CASES))('%s: its status and message, in the envelope', async (_name, { want, provoke }) => {
    const answer = await provoke();
    expect(answer.status).toBe(want.status);
    expect(answer.json).toMatchObject({ error: want.status, message: want.message, status: 'error', timestamp: expect.stringMatching(/\.\d{7}Z$/) });
    expect(answer.header('content-type')).toBe('application/json; charset=utf-8');
    for (const [name, value] of Object.entries(want.headers ?? {})) expect(answer.header(name)).toBe(value);
  });

  it('every refusal has a case above', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(REFUSALS).sort());
  });
});
