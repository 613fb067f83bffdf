// Secrets in every part of a request (bearer token, apiKey, password, licenseKey, an instanceId that is
// a licence key), a server that echoes all of them back, and every error path: the secrets appear in
// no message, toString, toJSON or util.inspect of any error. Results are the data as sent, secrets
// included; redactSecrets copies them for a log.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, PbxError, PbxTimeoutError, redactSecrets, type ClientOptions, type PbxClient } from '@myreports/pbx-client';
import { kazooCreate, threeCxCreate } from '@myreports/pbx-fixtures';
import { closedPort, envelope, errorEnvelope, sendJson, startFaultServer, type FaultServer, type SeenRequest } from './support/fault-server.js';
import { customer, kazooProfile } from './support/ids.js';

const TOKEN = 'eyJhbGciOi.secret-bearer-token.sig';
const API_KEY = 'kazoo-api-key-7f3a9c';
const PASSWORD = '3cx-password-b81e44';
const LICENSE_KEY = '3CX-LICENCE-KEY-55d0e2';
const SECRETS = [TOKEN, API_KEY, PASSWORD, LICENSE_KEY];

const kazooBody = { ...kazooCreate(), apiKey: API_KEY };
const threeCxBody = { ...threeCxCreate(), password: PASSWORD, licenseKey: LICENSE_KEY };

/** Everything the server received, secrets included, to echo back in its answers. */
const echo = (request: SeenRequest) => `${request.method} ${request.url} ${JSON.stringify(request.headers)} ${request.body}`;

/** Every way the error or result could be printed, serialised or logged. */
function renderings(value: unknown): Record<string, string> {
  const renderings: Record<string, string> = {
    'String()': String(value),
    'JSON.stringify': JSON.stringify(value) ?? '',
    'util.inspect': inspect(value, { depth: Infinity }),
  };
  if (value instanceof Error) {
    renderings.message = value.message;
    renderings.stack = value.stack ?? '';
    renderings['toJSON()'] = JSON.stringify((value as PbxError).toJSON());
  }
  return renderings;
}

function expectNoSecret(value: unknown) {
  for (const [how, text] of Object.entries(renderings(value))) {
    for (const secret of SECRETS) expect(text, `${how} shows a secret`).not.toContain(secret);
  }
}

let server: FaultServer;
let pbx: PbxClient;
// No deadline but the ones a test sets: on a loaded machine a short one can pass before the request reaches the server.
const client = (options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: server.url, token: TOKEN, acceptCharges: true, retries: 0, timeoutMs: 0, ...options } as ClientOptions);

beforeAll(async () => {
  server = await startFaultServer();
  pbx = client();
});
afterAll(() => server.close());

/** Each request the client can make, with a secret in it wherever the API allows one. */
const calls: Record<string, (client: PbxClient, signal?: AbortSignal) => Promise<unknown>> = {
  'create Kazoo': (c, signal) => c.profiles.create(customer, kazooBody as never, signal ? { signal } : {}),
  'create 3CX': (c, signal) => c.profiles.create(customer, threeCxBody as never, signal ? { signal } : {}),
  'find by licence key': (c, signal) => c.profiles.findByInstance(LICENSE_KEY, signal ? { signal } : {}),
  get: (c, signal) => c.profiles.get(kazooProfile, signal ? { signal } : {}),
  'patch of a secret field': (c, signal) => c.profiles.patch(kazooProfile, [{ op: 'replace', path: '/password', value: PASSWORD }] as never, signal ? { signal } : {}),
  'create customer with an inline 3CX profile': (c, signal) =>
    c.customers.create({ accountTenantId: customer.accountTenantId }, { name: 'Inline', pbxConnectionProfiles: [threeCxBody] } as never, signal ? { signal } : {}),
  'mirror create Kazoo': (c, signal) => c.profiles.create({ customerTenantId: customer.customerTenantId }, kazooBody as never, signal ? { signal } : {}),
};

/** Server behaviours that lead to each error class; every answer echoes the request. */
const errorPaths: Record<string, (request: SeenRequest, response: import('node:http').ServerResponse) => void> = {
  '400 echoing the request': (request, response) => sendJson(response, 400, errorEnvelope(400, `Bad: ${echo(request)}`)),
  '401 without a body': (_, response) => response.writeHead(401, { 'content-length': '0' }).end(),
  '404 echoing the request': (request, response) => sendJson(response, 404, errorEnvelope(404, `Missing: ${echo(request)}`)),
  // Every quote and escape taken out: the secrets stand as bare words, as in `invalid token abc`.
  '400 echoing the request unquoted': (request, response) => sendJson(response, 400, errorEnvelope(400, `Bad: ${decodeURIComponent(echo(request)).replace(/["'`=:\\]/g, ' ')}`)),
  '400 echoing the request in its timestamp': (request, response) => sendJson(response, 400, { ...errorEnvelope(400, 'Bad'), timestamp: echo(request) }),
  '500 HTML page echoing the request': (request, response) => response.writeHead(500, { 'content-type': 'text/html' }).end(`<pre>${echo(request)}</pre>`),
  '503 echoing the request': (request, response) => sendJson(response, 503, errorEnvelope(503, echo(request))),
  '200 malformed JSON quoting the request': (request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(`{"oops": "${echo(request)}`),
  '200 envelope of the wrong shape': (request, response) => sendJson(response, 200, { status: 'success', timestamp: 42, data: 42, echo: echo(request) }),
  'reset mid-body': (request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '10000' });
    response.write(`{"echo": "${echo(request)}`);
    setTimeout(() => response.socket?.destroy(), 5);
  },
};

/** A signal aborted with `reason` as soon as the server has the request, which it never answers. */
function abortedOnArrival(reason?: unknown): AbortSignal {
  const controller = new AbortController();
  server.reset(() => controller.abort(reason));
  return controller.signal;
}

describe.each(Object.entries(calls))('%s', (_, call) => {
  test.each(Object.keys(errorPaths))('%s: the error shows no secret', async (path) => {
    server.reset(errorPaths[path]!);
    const error = await call(pbx).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PbxError);
    expect(server.seen.length).toBeGreaterThan(0);
    expectNoSecret(error);
  });

  test("a hang past the client's timeout: the error shows no secret", async () => {
    // The deadline may pass before the request reaches the server: the error is the same either way.
    server.reset(() => {});
    const error = await call(client({ timeoutMs: 200 })).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PbxTimeoutError);
    expectNoSecret(error);
  });

  test("a hang past the deadline of the call's signal, once the server has the secrets: the error shows no secret", async () => {
    const signal = abortedOnArrival(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    const error = await call(pbx, signal).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PbxTimeoutError);
    expect(server.seen.length).toBeGreaterThan(0);
    expectNoSecret(error);
  });

  test('connection refused: the error shows no secret', async () => {
    const port = await closedPort();
    const error = await call(createClient({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN, acceptCharges: true, retries: 0 })).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PbxError);
    expectNoSecret(error);
  });

  test("a fetch whose error quotes the request in its message, its fields and its cause: the error's cause chain shows no secret", async () => {
    // As node-fetch words it (`request to <url> failed`), with the headers and the body for good measure.
    const quoting = async (request: Request) => {
      const sent = `${request.url} ${request.headers.get('authorization')} ${await request.text()}`;
      const lookup = Object.assign(new Error(`getaddrinfo ENOTFOUND for ${sent}`), { code: 'ENOTFOUND', request: { url: request.url, sent: [sent] } });
      throw Object.assign(new TypeError(`request to ${sent} failed`, { cause: lookup }), { url: new URL(request.url) });
    };
    const error = (await call(client({ fetch: quoting as typeof fetch })).catch((reason: unknown) => reason)) as PbxError & { cause: any };
    expect(error).toBeInstanceOf(PbxError);
    expect(error.message).toMatch(/failed before a complete response arrived: ENOTFOUND\.$/);
    expectNoSecret(error);
    // The chain still says what happened: the same classes, codes and words, the secrets masked.
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(error.cause.message).toMatch(/^request to http:\/\/127\.0\.0\.1:\d+\/\S+ Bearer \[redacted\] .*failed$/);
    expect(error.cause.cause).toMatchObject({ code: 'ENOTFOUND', message: expect.stringContaining('[redacted]') });
  });

  test('abort: the error shows no secret', async () => {
    const error = await call(pbx, abortedOnArrival()).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PbxError);
    expect(server.seen.length).toBeGreaterThan(0);
    expectNoSecret(error);
  });
});

describe('results are the data as the API sent it', () => {
  test.each([
    ['Kazoo', kazooBody, { apiKey: API_KEY }],
    ['3CX', threeCxBody, { password: PASSWORD, licenseKey: LICENSE_KEY }],
  ])('a created %s profile is plain JSON: serialising, cloning and storing it keep its secrets', async (_, body, secrets) => {
    server.reset((request, response) =>
      sendJson(response, 201, envelope({ ...JSON.parse(request.body), id: kazooProfile.pbxId, tenantId: customer.customerTenantId }), {
        location: `https://api.na.myreports.cloud/api/v1.0/accounts/a/customers/c/pbxs/${kazooProfile.pbxId}`,
      }),
    );
    const result = await pbx.profiles.create(customer, body as never);
    expect(result.data).toMatchObject(secrets);
    expect(JSON.parse(JSON.stringify(result.data))).toEqual(result.data);
    expect(JSON.parse(JSON.stringify(result))).toEqual({ data: result.data, timestamp: result.timestamp, id: result.id, location: result.location });
    expect(structuredClone(result.data)).toEqual(result.data);
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(result.data).sort()).toEqual(Object.keys(result.data).sort());
    expect(inspect(result.data)).toContain(Object.values(secrets)[0]);
    // Plain objects take any property, toJSON included.
    expect(() => Object.assign(result.data, { toJSON: () => 'mine' })).not.toThrow();
  });

  test('redactSecrets copies data for a log, hiding every secret field at any depth, and leaves the data alone', async () => {
    server.reset((_, response) => sendJson(response, 200, envelope([{ ...kazooBody, id: kazooProfile.pbxId, tenantId: customer.customerTenantId }, { ...threeCxBody, id: kazooProfile.pbxId, tenantId: customer.customerTenantId }])));
    const result = await pbx.profiles.list(customer);
    const logged = redactSecrets(result);
    expectNoSecret(logged);
    expect(logged.data.map((profile) => ('apiKey' in profile ? profile.apiKey : 'password' in profile ? [profile.password, profile.licenseKey] : undefined))).toEqual(['[redacted]', ['[redacted]', '[redacted]']]);
    expect(logged.data[0]).toMatchObject({ name: expect.any(String), _type: 'KazooPbxConnectionProfile' });
    expect(result.data.map((profile) => ('apiKey' in profile ? profile.apiKey : 'password' in profile ? profile.password : undefined))).toEqual([API_KEY, PASSWORD]);
  });

  test('redactSecrets passes other values through and copes with a cycle', () => {
    expect(redactSecrets('text')).toBe('text');
    expect(redactSecrets(null)).toBe(null);
    const cyclic: Record<string, unknown> = { password: 'p' };
    cyclic.self = cyclic;
    const copy = redactSecrets(cyclic);
    expect(copy).toMatchObject({ password: '[redacted]' });
    expect(copy.self).toBe(copy);
  });

  test('the check itself bites: the plain data does show the secret', async () => {
    server.reset((_, response) => sendJson(response, 200, envelope({ ...kazooBody, id: kazooProfile.pbxId, tenantId: customer.customerTenantId })));
    const result = await pbx.profiles.get(kazooProfile);
    expect(() => expectNoSecret(result.data)).toThrow(/shows a secret/);
  });
});

describe('masking never garbles the words of a message', () => {
  const PROSE = 'Invalid request: a path parameter pbxId must be a GUID, and apiKey and password are required.';

  test.each([['e'], ['valid'], ['param'], ['pbx'], ['Id'], ['quest']])('with the secret %j inside words only, every word of the API message stays as it is', async (secret) => {
    server.reset((_, response) => sendJson(response, 400, errorEnvelope(400, PROSE)));
    const tiny = createClient({ baseUrl: server.url, token: secret, acceptCharges: true, retries: 0 });
    for (const call of [() => tiny.get(kazooProfile), () => tiny.create(customer, { ...kazooBody, apiKey: secret } as never), () => tiny.findByInstance(secret)]) {
      const error = (await call().catch((reason: unknown) => reason)) as PbxError;
      expect(error.apiMessage).toBe(PROSE);
      expect(error.message.endsWith(`answered 400: ${PROSE}`)).toBe(true);
    }
  });

  test('a secret that is a word of the message is masked, and only that word', async () => {
    server.reset((_, response) => sendJson(response, 400, errorEnvelope(400, PROSE)));
    const tiny = createClient({ baseUrl: server.url, token: 'a', acceptCharges: true, retries: 0 });
    const error = (await tiny.get(kazooProfile).catch((reason: unknown) => reason)) as PbxError;
    expect(error.apiMessage).toBe('Invalid request: [redacted] path parameter pbxId must be [redacted] GUID, and apiKey and password are required.');
  });

  test('a secret quoted back as a value is masked, short or long, quoted, unquoted, JSON- or URL-escaped', async () => {
    server.reset((request, response) => sendJson(response, 400, errorEnvelope(400, `The value 'a' is not valid. ${echo(request)} k9 p%2Fq "p\\"q"`)));
    const tiny = createClient({ baseUrl: server.url, token: 'a', acceptCharges: true, retries: 0 });
    const error = (await tiny.create(customer, { ...threeCxBody, password: 'k9', licenseKey: 'p/q' } as never).catch((reason: unknown) => reason)) as PbxError;
    expect(error.apiMessage).toMatch(/^The value '\[redacted\]' is not valid\. POST /);
    expect(error.apiMessage).toContain('"password":"[redacted]"');
    expect(error.apiMessage).toContain('Bearer [redacted]');
    expect(error.apiMessage).toMatch(/\[redacted\] \[redacted\] "p\\"q"$/);
    const quotes = (await tiny.create(customer, { ...threeCxBody, password: 'p"q' } as never).catch((reason: unknown) => reason)) as PbxError;
    expect(quotes.apiMessage).toMatch(/"\[redacted\]"$/);
  });

  test('a cause that holds no secret is kept as it is, the very object', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { code: 'ECONNREFUSED' });
    const error = (await client({ fetch: async () => Promise.reject(refused) }).get(kazooProfile).catch((reason: unknown) => reason)) as PbxError;
    expect(error.cause).toBe(refused);
  });

  test('a secret inside a longer one leaves nothing of the longer one', async () => {
    server.reset((request, response) => sendJson(response, 400, errorEnvelope(400, `Rejected ${JSON.parse(request.body).password}`)));
    const tiny = createClient({ baseUrl: server.url, token: 'abc', acceptCharges: true, retries: 0 });
    const error = (await tiny.create(customer, { ...threeCxBody, password: 'abc.def' } as never).catch((reason: unknown) => reason)) as PbxError;
    expect(error.apiMessage).toBe('Rejected [redacted]');
  });
});

describe('a token that is not a non-empty string', () => {
  test.each([['null', null], ['an empty string', ''], ['undefined', undefined], ['number', 42]])('getToken() resolving %s is an error, and nothing is sent', async (shown, value) => {
    server.reset((_, response) => sendJson(response, 200, envelope({})));
    const odd = createClient({ baseUrl: server.url, getToken: async () => value as never, retries: 2 });
    const error = (await odd.get(kazooProfile).catch((reason: unknown) => reason)) as PbxError;
    expect(error).toBeInstanceOf(PbxError);
    expect(error.message).toMatch(new RegExp(`was not sent: getToken\\(\\) returned ${shown}, not a non-empty string\\.$`));
    expect(server.seen).toEqual([]);
  });
});
