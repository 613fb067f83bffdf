import { request } from 'node:http';
import { connect } from 'node:net';
import { IDS, kazooCreate, threeCxCreate } from '@myreports/pbx-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { BEARER, PATHS, WRITE_HEADERS, call, callWith } from './support/mock-client.js';

let mock: RunningMock;
let small: RunningMock;
beforeAll(async () => {
  [mock, small] = await Promise.all([
    startMock({ port: 0, logLevel: 'silent', publicUrl: 'https://mock.example.com/' }),
    startMock({ port: 0, logLevel: 'silent', bodyLimit: 200 }),
  ]);
});
afterAll(() => Promise.all([mock?.stop(), small?.stop()]));

const ENVELOPE = { status: 'error', message: expect.any(String), timestamp: expect.stringMatching(/\.\d{7}Z$/) };

/** A raw HTTP request, for what fetch will not send (a body without Content-Type, chunked bodies). */
function raw(url: string, method: string, path: string, headers: Record<string, string>, chunks: (string | Buffer)[]) {
  return new Promise<{ status: number; json: any }>((resolve, reject) => {
    const outgoing = request(`${url}${path}`, { method, headers }, (answer) => {
      let text = '';
      answer.on('data', (chunk: Buffer) => (text += chunk.toString()));
      answer.on('end', () => resolve({ status: answer.statusCode!, json: text ? JSON.parse(text) : undefined }));
    });
    outgoing.on('error', reject);
    for (const chunk of chunks) outgoing.write(chunk);
    outgoing.end();
  });
}

describe('the contract edges answer in the envelope', () => {
  it('an unknown path: 404', async () => {
    const answer = await call(mock.url, 'GET', '/v1.0/unknown', { headers: BEARER });
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ error: 404, ...ENVELOPE });
  });

  it('a documented path with another method: 405 with Allow', async () => {
    const answer = await call(mock.url, 'PUT', PATHS.profile(), { headers: BEARER });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, DELETE, PATCH');
    expect(answer.json).toMatchObject({ error: 405, ...ENVELOPE });
  });

  it.each(['text/html', 'application/xml, text/*;q=0.5', 'application/json;q=0'])('an Accept the operation cannot meet (%s): 406', async (accept) => {
    const answer = await call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, accept } });
    expect(answer.status).toBe(406);
    expect(answer.json).toMatchObject({ error: 406, ...ENVELOPE });
  });

  it.each(['application/json', '*/*', 'application/*', 'text/html, application/json;q=0.1'])('an Accept that allows JSON (%s): 200', async (accept) => {
    expect((await call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, accept } })).status).toBe(200);
  });

  it.each(['application/merge-patch+json', 'application/vnd.api+json', 'text/plain', 'application/problem+json'])(
    'a body sent as %s: 415 naming Content-Type',
    async (type) => {
      const answer = await call(mock.url, 'POST', PATHS.profiles, { headers: { ...WRITE_HEADERS, 'content-type': type }, body: kazooCreate() });
      expect(answer.status).toBe(415);
      expect(answer.json).toMatchObject({ error: 415, ...ENVELOPE, message: expect.stringContaining(`Content-Type header is "${type}"`) });
    },
  );

  it('a body without Content-Type: 415, not a message about the body', async () => {
    const { 'content-type': _, ...headers } = WRITE_HEADERS;
    const answer = await raw(mock.url, 'POST', PATHS.profiles, headers, [JSON.stringify(kazooCreate())]);
    expect(answer.status).toBe(415);
    expect(answer.json.message).toContain('Content-Type header is missing');
  });

  it.each(['bearer x', 'BEARER x', 'BeArEr x'])('Authorization "%s" is accepted (the scheme is case-insensitive)', async (authorization) => {
    expect((await call(mock.url, 'GET', PATHS.profiles, { headers: { authorization } })).status).toBe(200);
  });

  it('a query parameter in another case counts as the spec one (InstanceId = instanceId, a decision)', async () => {
    expect((await call(mock.url, 'GET', '/v1.0/pbxs?InstanceId=12345', { headers: BEARER })).status).toBe(200);
    expect((await call(mock.url, 'GET', '/v1.0/pbxs?INSTANCEID=12345', { headers: BEARER })).status).toBe(200);
  });

  it('Location comes from the configured public URL, never the Host header', async () => {
    const answer = await callWith(mock.url, 'POST', PATHS.profiles, { ...WRITE_HEADERS, host: 'localhost:1' }, JSON.stringify(threeCxCreate()));
    expect(answer.status).toBe(201);
    expect(answer.headers.get('location')).toBe(`https://mock.example.com${PATHS.profile(answer.json.data.id)}`);
  });
});

describe('Prefer names only what the operation declares', () => {
  it.each([
    ['code=500', /^Invalid request: header Prefer asks for code=500, which this operation does not declare; it answers 200, 400, 401, 404\.$/],
    ['code=201', /asks for code=201, which this operation does not declare/],
    ['example=NoSuch', /^Invalid request: header Prefer asks for example=NoSuch, which the 200 answer of this operation does not have; its examples are KazooProfile, ThreeCxProfile/],
    ['code=200, example=hasOwnProperty', /asks for example=hasOwnProperty, which the 200 answer/],
    ['example=constructor', /asks for example=constructor, which the 200 answer/],
    ['code=404, example=KazooProfile', /asks for example=KazooProfile, which the 404 answer of this operation does not have/],
  ])('Prefer: %s → 400 naming it and what is declared (not 404, which reads as a missing profile, nor 500)', async (prefer, message) => {
    const answer = await call(mock.url, 'GET', PATHS.profile(), { headers: { ...BEARER, prefer } });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: 400, ...ENVELOPE, message: expect.stringMatching(message) });
  });

  it('what is declared still answers', async () => {
    expect((await call(mock.url, 'GET', PATHS.profile(), { headers: { ...BEARER, prefer: 'code=401' } })).status).toBe(401);
    expect((await call(mock.url, 'GET', PATHS.profile(), { headers: { ...BEARER, prefer: 'code=200, example=ThreeCxProfile' } })).json.data._type).toBe('ThreeCxConnectionProfile');
  });
});

describe('a body the operation does not take is ignored, as the API does', () => {
  it.each([
    ['GET', PATHS.profile(), 200],
    ['DELETE', PATHS.profile(IDS.threeCxPbxId), 200],
  ])('%s with a JSON body: answered as without one (%s), not "the body is required"', async (method, path, status) => {
    const body = JSON.stringify({ name: 'ignored' });
    const answer = await callWith(mock.url, method, path, { ...WRITE_HEADERS, 'content-length': String(body.length) }, body);
    expect(answer.json?.message).toBeUndefined();
    expect(answer.status).toBe(status);
  });
});

describe('connections', () => {
  it('an idle keep-alive connection outlives Node\'s 5 s default and serves the next request, as clients that keep theirs longer expect', async () => {
    const { hostname, port } = new URL(mock.url);
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += String(chunk)));
    const answers = (count: number) => expect.poll(() => text.match(/HTTP\/1\.1 200 /g)?.length ?? 0).toBe(count);
    const get = `GET ${PATHS.profiles} HTTP/1.1\r\nhost: localhost\r\nauthorization: ${BEARER.authorization}\r\n\r\n`;
    socket.write(get);
    await answers(1);
    expect(text).toMatch(/^keep-alive: timeout=120\r$/im);
    // Idle past the old close: with 5 s the server had ended the connection and this request was reset.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(socket.readyState).toBe('open');
    socket.write(get);
    await answers(2);
    socket.destroy();
  });
});

describe('limits', () => {
  it('a 10 MB body: the client, still sending, reads the whole 413 (fetch, and a socket that reads only once all is sent)', async () => {
    const body = Buffer.alloc(10 * 1024 * 1024, 0x20);
    const fetched = await fetch(mock.url + PATHS.profiles, { method: 'POST', headers: WRITE_HEADERS, body });
    expect(fetched.status).toBe(413);
    expect(await fetched.json()).toMatchObject({ error: 413, ...ENVELOPE });

    // Closing with the body unread would reset the connection: the write fails, the 413 is lost.
    const { hostname, port } = new URL(mock.url);
    const socket = connect(Number(port), hostname);
    const head = Object.entries({ ...WRITE_HEADERS, host: 'localhost', connection: 'close', 'content-length': body.length })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    await new Promise<void>((resolve, reject) => {
      socket.on('error', reject);
      socket.write(`POST ${PATHS.profiles} HTTP/1.1\r\n${head}\r\n`);
      socket.end(body, resolve);
    });
    let text = '';
    for await (const chunk of socket) text += String(chunk);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: 413, ...ENVELOPE });
  });

  it('an 80 KB header: 431 in the envelope, not 400', async () => {
    const answer = await fetch(mock.url + PATHS.profiles, { headers: { ...BEARER, 'x-large': 'a'.repeat(80 * 1024) } });
    expect(answer.status).toBe(431);
    expect(await answer.json()).toMatchObject({ error: 431, ...ENVELOPE, message: expect.stringMatching(/^Request header fields too large: .* at most 16384 bytes\.$/) });
  });

  it('a body over the limit gets 413, declared or streamed in chunks', async () => {
    const declared = await call(small.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: { ...kazooCreate(), name: 'x'.repeat(300) } });
    expect(declared.status).toBe(413);
    expect(declared.json).toMatchObject({ error: 413, ...ENVELOPE });
    const streamed = await raw(small.url, 'POST', PATHS.profiles, { ...WRITE_HEADERS, 'transfer-encoding': 'chunked' }, Array(10).fill('x'.repeat(100)));
    expect(streamed.status).toBe(413);
    expect((await call(small.url, 'GET', PATHS.profiles, { headers: BEARER })).status).toBe(200);
  });

  it('the default limit is 1 MiB', async () => {
    const body = { ...kazooCreate(), name: 'x'.repeat(1024 * 1024) };
    expect((await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body })).status).toBe(413);
  });

  it('a JSON Patch of 101 operations: 400 naming the cap of 100; 100 pass', async () => {
    const operation = { op: 'replace', path: '/name', value: 'x' };
    const over = await call(mock.url, 'PATCH', PATHS.profile(), { headers: WRITE_HEADERS, body: Array(101).fill(operation) });
    expect(over.status).toBe(400);
    expect(over.json.message).toContain('at most 100');
    expect((await call(mock.url, 'PATCH', PATHS.profile(), { headers: WRITE_HEADERS, body: Array(100).fill(operation) })).status).toBe(200);
  });

  it('a body of 60,000 unknown fields within the size limit gets a 400 at once, not minutes of validation', async () => {
    const body: Record<string, unknown> = kazooCreate();
    for (let index = 0; index < 60_000; index += 1) body[`f${index}`] = 1;
    const answer = await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toContain('at most 1000');
  });
});

describe('any property name or value gets a normal answer, and the mock keeps serving', () => {
  it.each([['名', 1], ['\u0000\u001b[31m', '\u0007'], ['😀', '\ud800'], ['__proto__', {}], ['a\r\nSet-Cookie: x', 'y']])('%j', async (name, value) => {
    const body = `{${JSON.stringify(name)}:${JSON.stringify(value)},"_type":"KazooPbxConnectionProfile"}`;
    const answer = await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: 400, ...ENVELOPE });
    expect((await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).status).toBe(200);
  });
});

describe('messages name every violation', () => {
  it('120 unknown fields: the first ten, then "and N more", nothing the request did not contain', async () => {
    const body: Record<string, unknown> = kazooCreate();
    for (let index = 0; index < 120; index += 1) body[`extra${index}`] = index;
    const answer = await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toMatch(/^Invalid request: body field extra0 is not allowed; .*body field extra9 is not allowed; and 110 more\.$/);
    expect(answer.json.message).not.toContain('not-a-guid');
  });

  it('a patch of 20 bad operations names them, never an example message', async () => {
    const body = Array.from({ length: 20 }, () => ({ op: 'add', path: '/name', value: 'x' }));
    const answer = await call(mock.url, 'PATCH', PATHS.profile(), { headers: WRITE_HEADERS, body });
    expect(answer.json.message).toMatch(/^Invalid request: body field 0\/op must be "replace"; body field 1\/op .*; and 10 more\.$/);
    expect(answer.json.message).not.toContain('not-a-guid');
  });

  it('in a stable order, parameters before body fields', async () => {
    const path = PATHS.profiles.replace(IDS.customerTenantId, 'not-a-guid').replace(IDS.accountTenantId, 'nor-this');
    const { 'accept-charges': _, ...headers } = WRITE_HEADERS;
    const send = () => call(mock.url, 'POST', path, { headers, body: { ...kazooCreate(), colour: 'blue' } });
    const [first, second] = [await send(), await send()];
    expect(first.json.message).toBe(second.json.message);
    expect(first.json.message).toMatch(/^Invalid request: path parameter accountTenantId .*; path parameter customerTenantId .*; header accept-charges .*; body field colour is not allowed\.$/);
  });
});
