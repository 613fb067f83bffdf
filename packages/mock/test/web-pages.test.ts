// Only this machine's pages reach the mock: a page that rebinds its DNS name to 127.0.0.1 sends its
// own name as Host and is refused (mock, its own paths, the proxy); a cross-site form or a
// CORS-simple request cannot reset the twin.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { kazooCreate } from '@myreports/pbx-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockSetupError, type RunningMock, type RunningProxy, parseMockCommand, startMock, startProxy } from '@myreports/pbx-mock';
import { BEARER, CONTROL, PATHS, WRITE_HEADERS, call, callWith } from './support/mock-client.js';

let mock: RunningMock;
let named: RunningMock;
let open: RunningMock;
beforeAll(async () => {
  [mock, named, open] = await Promise.all([
    startMock({ port: 0, logLevel: 'silent', publicUrl: 'https://mock.example.com:8443/base' }),
    startMock({ port: 0, logLevel: 'silent', allowedHosts: ['mock.lan', '.corp.example'] }),
    startMock({ port: 0, logLevel: 'silent', allowedHosts: true }),
  ]);
});
afterAll(() => Promise.all([mock?.stop(), named?.stop(), open?.stop()]));

const list = (server: { url: string }, host: string) => callWith(server.url, 'GET', PATHS.profiles, { ...BEARER, host });

describe('the Host allow-list', () => {
  it.each(['localhost', 'localhost:4010', 'app.localhost:5173', '127.0.0.1:9', '[::1]:4010', '10.1.2.3', 'mock.example.com', 'MOCK.example.com:1'])(
    'answers Host %s (an IP address, localhost, the public URL; any port)',
    async (host) => {
      expect((await list(mock, host)).status).toBe(200);
    },
  );

  it.each(['rebound.example', 'rebound.example:4010', 'localhost.rebound.example', 'mock.lan', 'example.com/x'])('refuses Host "%s" with a 403 envelope', async (host) => {
    const answer = await list(mock, host);
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ error: 403, status: 'error', message: expect.stringContaining(`the Host header ${JSON.stringify(host)} does not name this mock`) });
  });

  it('answers the names given, a leading dot for subdomains too, and refuses the others', async () => {
    for (const host of ['mock.lan:4010', 'corp.example', 'a.b.corp.example']) expect((await list(named, host)).status, host).toBe(200);
    for (const host of ['lan', 'xcorp.example', 'mock.lan.rebound.example']) expect((await list(named, host)).status, host).toBe(403);
  });

  it('allowedHosts: true answers any host', async () => {
    expect((await list(open, 'rebound.example')).status).toBe(200);
  });

  it('refuses before the body is read, and the twin keeps nothing of it', async () => {
    const before = (await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).json.page_size;
    const answer = await callWith(mock.url, 'POST', PATHS.profiles, { ...WRITE_HEADERS, host: 'rebound.example' }, JSON.stringify(kazooCreate()));
    expect(answer.status).toBe(403);
    expect((await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).json.page_size).toBe(before);
  });

  it("covers the proxy's listening side: the upstream never sees the request", async () => {
    let seen = 0;
    const upstream = createServer((_, res) => {
      seen += 1;
      res.end();
    }).listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    let proxy: RunningProxy | undefined;
    try {
      proxy = await startProxy({ upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, port: 0, logLevel: 'silent' });
      expect((await list(proxy, 'rebound.example')).status).toBe(403);
      expect(seen).toBe(0);
      await list(proxy, 'localhost');
      expect(seen).toBe(1);
    } finally {
      await proxy?.stop();
      upstream.close();
    }
  });

  it('is an option of the table: --allowed-hosts, PBX_MOCK_ALLOWED_HOSTS, all for any', () => {
    expect(parseMockCommand(['--allowed-hosts', 'Mock.lan, .corp.example'], {}).options).toEqual({ allowedHosts: ['mock.lan', '.corp.example'] });
    expect(parseMockCommand([], { PBX_MOCK_ALLOWED_HOSTS: 'all' }).options).toEqual({ allowedHosts: true });
    expect(parseMockCommand(['proxy', 'https://api.example.com', '--allowed-hosts', 'true'], {}).options).toEqual({ allowedHosts: true });
    expect(() => parseMockCommand(['--allowed-hosts', 'a b'], {})).toThrow(new MockSetupError('--allowed-hosts must be host names such as mock.example.com or .example.com (its subdomains too), or true for any host, not "a b".'));
  });

  it('startMock checks allowedHosts as the command line does', async () => {
    await expect(startMock({ port: 0, logLevel: 'silent', allowedHosts: ['http://x/'] })).rejects.toThrow('allowedHosts must be host names');
    await expect(startMock({ port: 0, logLevel: 'silent', allowedHosts: 'all' as never })).rejects.toThrow('allowedHosts must be host names');
  });
});

describe("the mock's own paths refuse what a web page of another site can send", () => {
  const reset = (headers: Record<string, string>, body?: string) => callWith(mock.url, 'POST', '/__mock/reset', headers, body);
  /** A profile created now is there after a refused reset, gone after an accepted one. */
  async function created(): Promise<string> {
    return (await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: kazooCreate() })).json.data.id;
  }
  const exists = async (id: string) => (await call(mock.url, 'GET', PATHS.profile(id), { headers: BEARER })).status === 200;

  it.each([
    ['a cross-site form', { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://page.example', 'sec-fetch-site': 'cross-site' }, 'a=1'],
    ['a form of an opaque origin', { 'content-type': 'application/x-www-form-urlencoded', origin: 'null' }, 'a=1'],
    ['a CORS-simple fetch', { 'content-type': 'text/plain', origin: 'http://rebound.example:4010' }, '{}'],
    ['a request without the header', {}, undefined],
    ['the header, from a page of another site', { ...CONTROL, origin: 'https://page.example' }, undefined],
    ['the header, marked cross-site by the browser', { ...CONTROL, 'sec-fetch-site': 'cross-site' }, undefined],
  ])('%s: 403, the twin untouched', async (_case, headers: Record<string, string>, body) => {
    const id = await created();
    const answer = await reset(headers, body);
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ error: 403, status: 'error', message: expect.stringMatching(/^Forbidden: the mock's own paths/) });
    expect(await exists(id)).toBe(true);
  });

  it.each([
    ['a local tool', CONTROL],
    ["a page of this machine", { ...CONTROL, origin: 'http://localhost:5173', 'sec-fetch-site': 'same-site' }],
  ])('%s with the header: reset', async (_case, headers: Record<string, string>) => {
    const id = await created();
    expect((await reset(headers)).status).toBe(200);
    expect(await exists(id)).toBe(false);
  });
});
