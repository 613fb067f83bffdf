// Secrets in every part of a request (bearer token, apiKey, password, licenseKey, an instanceId that is
// a licence key), a server that echoes all of them back, and every error path: the secrets appear in
// no message, toString, toJSON or util.inspect of any error or result.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, PbxError, type ClientOptions, type PbxClient } from '@myreports/pbx-client';
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
    'util.inspect': inspect(value, { depth: 20 }),
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
const client = (options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: server.url, token: TOKEN, acceptCharges: true, retries: 0, timeoutMs: 1_000, ...options } as ClientOptions);

beforeAll(async () => {
  server = await startFaultServer();
  pbx = client();
});
afterAll(() => server.close());

/** Each request the client can make, with a secret in it wherever the API allows one. */
const calls: Record<string, (client: PbxClient, signal?: AbortSignal) => Promise<unknown>> = {
  'create Kazoo': (c, signal) => c.create(customer, kazooBody as never, signal ? { signal } : {}),
  'create 3CX': (c, signal) => c.create(customer, threeCxBody as never, signal ? { signal } : {}),
  'find by licence key': (c, signal) => c.findByInstance(LICENSE_KEY, signal ? { signal } : {}),
  get: (c, signal) => c.get(kazooProfile, signal ? { signal } : {}),
};

/** Server behaviours that lead to each error class; every answer echoes the request. */
const errorPaths: Record<string, (request: SeenRequest, response: import('node:http').ServerResponse) => void> = {
  '400 echoing the request': (request, response) => sendJson(response, 400, errorEnvelope(400, `Bad: ${echo(request)}`)),
  '401 without a body': (_, response) => response.writeHead(401, { 'content-length': '0' }).end(),
  '404 echoing the request': (request, response) => sendJson(response, 404, errorEnvelope(404, `Missing: ${echo(request)}`)),
  '500 HTML page echoing the request': (request, response) => response.writeHead(500, { 'content-type': 'text/html' }).end(`<pre>${echo(request)}</pre>`),
  '503 echoing the request': (request, response) => sendJson(response, 503, errorEnvelope(503, echo(request))),
  '200 malformed JSON quoting the request': (request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(`{"oops": "${echo(request)}`),
  '200 envelope of the wrong shape': (request, response) => sendJson(response, 200, { status: 'success', timestamp: 'x', data: 42, echo: echo(request) }),
  'reset mid-body': (request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '10000' });
    response.write(`{"echo": "${echo(request)}`);
    setTimeout(() => response.socket?.destroy(), 5);
  },
  'hang past the timeout': () => {},
};

describe.each(Object.entries(calls))('%s', (_, call) => {
  test.each(Object.keys(errorPaths))('%s: the error shows no secret', async (path) => {
    server.reset(errorPaths[path]!);
    const error = await call(client({ timeoutMs: 200 })).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PbxError);
    expect(server.seen.length).toBeGreaterThan(0);
    expectNoSecret(error);
  });

  test('connection refused: the error shows no secret', async () => {
    const port = await closedPort();
    const error = await call(createClient({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN, acceptCharges: true, retries: 0 })).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PbxError);
    expectNoSecret(error);
  });

  test('abort: the error shows no secret', async () => {
    server.reset(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await call(pbx, controller.signal).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PbxError);
    expectNoSecret(error);
  });
});

describe('results', () => {
  test.each([
    ['Kazoo', kazooBody, { apiKey: API_KEY }],
    ['3CX', threeCxBody, { password: PASSWORD, licenseKey: LICENSE_KEY }],
  ])('a created %s profile echoed with its secrets: readable by code, hidden when printed or serialised', async (_, body, secrets) => {
    server.reset((request, response) =>
      sendJson(response, 201, envelope({ ...JSON.parse(request.body), id: kazooProfile.pbxId, tenantId: customer.customerTenantId }), {
        location: `https://api.na.myreports.cloud/api/v1.0/accounts/a/customers/c/pbxs/${kazooProfile.pbxId}`,
      }),
    );
    const result = await pbx.create(customer, body as never);
    expect(result.data).toMatchObject(secrets);
    expectNoSecret(result);
    expectNoSecret(result.data);
    expectNoSecret([result.data]);
    expect(JSON.parse(JSON.stringify(result.data))).toMatchObject(Object.fromEntries(Object.keys(secrets).map((key) => [key, '[redacted]'])));
  });

  test('a list whose items carry secrets hides them item by item', async () => {
    server.reset((_, response) => sendJson(response, 200, envelope([{ ...kazooBody, id: kazooProfile.pbxId, tenantId: customer.customerTenantId }, { ...threeCxBody, id: kazooProfile.pbxId, tenantId: customer.customerTenantId }])));
    const result = await pbx.list(customer);
    expect(result.data.map((profile) => ('apiKey' in profile ? profile.apiKey : 'password' in profile ? profile.password : undefined))).toEqual([API_KEY, PASSWORD]);
    expectNoSecret(result);
    expectNoSecret(result.data);
  });

  test('the check itself bites: an unprotected copy of the data does show the secret', async () => {
    server.reset((_, response) => sendJson(response, 200, envelope({ ...kazooBody, id: kazooProfile.pbxId, tenantId: customer.customerTenantId })));
    const result = await pbx.get(kazooProfile);
    expect(() => expectNoSecret({ ...result.data })).toThrow(/shows a secret/);
  });
});
