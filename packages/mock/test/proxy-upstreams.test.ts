import { type Server, createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { IDS, watchLog } from '@myreports/pbx-fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningProxy, startProxy } from '@myreports/pbx-mock';
import { BEARER, PATHS, WRITE_HEADERS, call } from './support/mock-client.js';

const servers: Server[] = [];
const proxies: RunningProxy[] = [];
afterAll(async () => {
  await Promise.all(proxies.map((proxy) => proxy.stop()));
  for (const server of servers) server.closeAllConnections(), server.close();
});

async function upstream(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; hits: { authorization?: string; path?: string }[] }> {
  const hits: { authorization?: string; path?: string }[] = [];
  const server = createServer((req, res) => {
    hits.push({ ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), ...(req.url ? { path: req.url } : {}) });
    handler!(req, res);
  }).listen(0, '127.0.0.1');
  servers.push(server);
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

async function proxyTo(url: string, log: (line: string) => void = () => {}, extra: { upstreamTimeoutMs?: number; cors?: string } = {}): Promise<RunningProxy> {
  const proxy = await startProxy({ upstream: url, port: 0, logLevel: 'warn', log, ...extra });
  proxies.push(proxy);
  return proxy;
}

describe('proxy mode against misbehaving upstreams', () => {
  it('passes a redirect through instead of following it: the other origin gets neither Authorization nor the request', async () => {
    const elsewhere = await upstream((_, res) => res.end('{}'));
    const redirecting = await upstream((_, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/steal` });
      res.end();
    });
    const proxy = await proxyTo(redirecting.url);
    const response = await fetch(`${proxy.url}${PATHS.profiles}`, { headers: { authorization: 'Bearer secret' }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${elsewhere.url}/steal`);
    expect(redirecting.hits).toEqual([{ authorization: 'Bearer secret', path: PATHS.profiles }]);
    expect(elsewhere.hits).toEqual([]);
  });

  it('an upstream that resets the connection: 502 at once', async () => {
    const resetting = await upstream((req) => req.socket.destroy());
    const answer = await call((await proxyTo(resetting.url)).url, 'GET', PATHS.profiles, { headers: BEARER });
    expect(answer.status).toBe(502);
    expect(answer.json).toMatchObject({ error: 502, status: 'error' });
  });

  it('an upstream that sends a short body: 502, not a hang', async () => {
    const short = await upstream((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"data":');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const answer = await call((await proxyTo(short.url)).url, 'GET', PATHS.profiles, { headers: BEARER });
    expect(answer.status).toBe(502);
  });

  it('an upstream silent past the timeout: 504', async () => {
    const silent = await upstream(() => undefined);
    const answer = await call((await proxyTo(silent.url, undefined, { upstreamTimeoutMs: 300 })).url, 'GET', PATHS.profiles, { headers: BEARER });
    expect(answer.status).toBe(504);
    expect(answer.json.message).toContain('300 ms');
  });

  /** A list of `count` profiles with bad ids, answered by an upstream through a proxy at `warn`: what the client got and the log. */
  async function proxiedBadList(count: number) {
    const items = Array.from({ length: count }, () => ({ id: 'not-a-guid', name: 'x', _type: 'KazooPbxConnectionProfile' }));
    const broken = await upstream((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: items, status: 'success', timestamp: '2019-11-29T16:03:23.9251680Z' }));
    });
    const log = watchLog();
    const proxied = await call((await proxyTo(broken.url, log.log)).url, 'GET', PATHS.profiles, { headers: BEARER });
    expect(proxied.status).toBe(200);
    expect(proxied.json.data).toHaveLength(count);
    await log.until('breaks the contract');
    return log.text();
  }

  it('reports every violation of an answer with many bad items, none cut off', async () => {
    const report = await proxiedBadList(40);
    expect(report).toContain('page_size');
    expect(report).toMatch(/response: \/data\/39\/id must match format "uuid"/);
    expect(report).not.toContain('Too many violations');
  });

  it('an answer of 4,000 bad items: every bad id reported, the last one included', async () => {
    // Ajv's append was quadratic in the errors: 4,000 took 2.7 s to check, 8,000 11.5 s, 60,000 more than ten minutes.
    const report = await proxiedBadList(4_000);
    expect(report).toMatch(/response: \/data\/3999\/id must match format "uuid"/);
    expect(report).not.toContain('the check stopped');
  });

  it('an answer of more than 20,000 JSON values that breaks the schema: passed through, its first problem reported, and that the check stopped there', async () => {
    const findings = (await proxiedBadList(60_000)).split('\n').filter((line) => line.startsWith('    response: '));
    expect(findings.at(-1)).toBe('    response: / holds more than 20,000 JSON values: the check stopped at its first problem');
    expect(findings.every((line) => !line.includes('/data/1/'))).toBe(true);
  });

  it('sends no CORS headers unless asked, and only for the origin asked', async () => {
    const fine = await upstream((_, res) => res.end());
    const plain = await fetch(`${(await proxyTo(fine.url)).url}/v1.0/pbxs?instanceId=1`, { headers: { ...BEARER, origin: 'https://evil.example' } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    const withCors = await fetch(`${(await proxyTo(fine.url, undefined, { cors: 'https://app.example.com' })).url}/v1.0/pbxs?instanceId=1`, { headers: { ...BEARER, origin: 'https://app.example.com' } });
    expect(withCors.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('reaches the upstream with the id as given', async () => {
    const fine = await upstream((_, res) => res.end());
    await call((await proxyTo(fine.url)).url, 'GET', PATHS.profile(IDS.kazooPbxId), { headers: BEARER });
    expect(fine.hits[0]?.path).toBe(PATHS.profile(IDS.kazooPbxId));
  });
});

describe('proxy mode: the request goes on as the client sent it', () => {
  it('the body\'s bytes, the query string and the headers reach the upstream unchanged, not as Prism read them', async () => {
    const received: { url: string | undefined; authorization: string | undefined; body: string }[] = [];
    const echo = await upstream((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ url: req.url, authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 400, message: 'x', status: 'error', timestamp: '2019-11-29T16:03:23.9251680Z' }));
      });
    });
    // Spacing, an escaped character, 1.0 and a duplicate key: each lost by parsing and serialising again.
    const body = '{ "_type" : "KazooPbxConnectionProfile",\n  "name": "caf\\u00e9", "name": "second", "accountId": "a", "apiKey": "k", "countryCode": "US", "timeout": 1.0 }';
    const search = '?pageindex=0&filter=a+b%20c';
    const answer = await fetch(`${(await proxyTo(echo.url)).url}${PATHS.profiles}${search}`, {
      method: 'POST',
      headers: { ...WRITE_HEADERS, authorization: 'bearer lower-case-scheme' },
      body,
    });
    expect(answer.status).toBe(400);
    expect(received).toEqual([{ url: `${PATHS.profiles}${search}`, authorization: 'bearer lower-case-scheme', body }]);
  });
});

describe('proxy mode: every contract break is reported at warn, worded as the mock words it', () => {
  /** The answer through a proxy at `warn` to `upstream`, and what it logged (written before the answer leaves). */
  async function through(handler: Parameters<typeof createServer>[1], path: string = PATHS.profiles) {
    const log = watchLog();
    const proxy = await proxyTo((await upstream(handler)).url, log.log);
    const answer = await fetch(`${proxy.url}${path}`, { headers: BEARER, redirect: 'manual' });
    const body = await answer.text();
    return { answer, body, log: log.text() };
  }

  it.each([
    ['418 with an envelope', 418, { 'content-type': 'application/json' }, JSON.stringify({ error: 418, message: 'tea', status: 'error', timestamp: '2019-11-29T16:03:23.9251680Z' })],
    ['500 in plain text', 500, { 'content-type': 'text/plain' }, 'boom'],
    ['a redirect', 302, { location: '/elsewhere' }, ''],
  ])('an undocumented status, %s: passed through and reported', async (_, status, headers, text) => {
    const { answer, body, log } = await through((__, res) => res.writeHead(status, headers).end(text));
    expect(answer.status).toBe(status);
    expect(body).toBe(text);
    expect(log).toContain('breaks the contract');
    expect(log).toContain(`response: status ${status} is not documented for listPbxConnectionProfiles`);
  });

  it('a documented status in an undocumented media type: reported', async () => {
    const { answer, log } = await through((_, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
    expect(answer.status).toBe(404);
    expect(log).toContain('response: status 404 of listPbxConnectionProfiles answers text/html, not application/json');
  });

  it('a path the spec does not have: passed through and reported with the mock\'s words', async () => {
    const { answer, log } = await through((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), '/v1.0/nothing');
    expect(answer.status).toBe(200);
    expect(log).toContain('request: No such resource: GET /v1.0/nothing is not an operation of this API.');
  });

  it('bad ids: one finding per parameter, by the spec\'s names, as the mock words them', async () => {
    const { log } = await through(
      (_, res) => res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 400, message: 'x', status: 'error', timestamp: '2019-11-29T16:03:23.9251680Z' })),
      PATHS.profile('not-a-guid').replace(IDS.accountTenantId, 'nope'),
    );
    const findings = log.split('\n').filter((line) => line.startsWith('    '));
    expect(findings.map((line) => line.trim())).toEqual([
      'request: path parameter accountTenantId must match format "uuid"',
      'request: path parameter pbxId must match format "uuid"',
    ]);
  });

  it('an upstream that switches protocols (101): 502 in the envelope and a log line, never a client left waiting', async () => {
    const switching = await upstream((req) => {
      req.socket.write('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n');
    });
    const log = watchLog();
    const answer = await call((await proxyTo(switching.url, log.log)).url, 'GET', PATHS.profiles, { headers: BEARER });
    expect(answer.status).toBe(502);
    expect(answer.json).toMatchObject({ error: 502, message: expect.stringContaining('101 Switching Protocols'), status: 'error' });
    expect(log.text()).toMatch(/→ 502 .*101 Switching Protocols/);
  });

  it('two Set-Cookie headers stay two', async () => {
    const { answer } = await through((_, res) =>
      res
        .writeHead(418, [
          ['content-type', 'application/json'],
          ['set-cookie', 'a=1; Path=/'],
          ['set-cookie', 'b=2, c=3; Path=/'],
        ])
        .end('{}'),
    );
    expect(answer.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2, c=3; Path=/']);
  });
});

describe("proxy mode: the mock's caps on a request body", () => {
  /** A proxy at `warn` to an upstream that answers every request 200; what reached the upstream and what was logged. */
  async function capped(body: unknown, method = 'PATCH', path = PATHS.profile()) {
    const fine = await upstream((req, res) => req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}')));
    const log = watchLog();
    const answer = await call((await proxyTo(fine.url, log.log)).url, method, path, { headers: WRITE_HEADERS, body });
    return { answer, hits: fine.hits, log: log.text() };
  }
  const operations = (count: number) => Array.from({ length: count }, (_, index) => ({ op: 'replace', path: `/nothing${index}`, value: { index } }));

  it('a JSON Patch of more than 100 operations: the mock\'s 400, logged at warn, and the upstream never sees it', async () => {
    const { answer, hits, log } = await capped(operations(5_000));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: 400, status: 'error', message: 'Invalid request: the body holds 5000 operations; a JSON Patch may hold at most 100.' });
    expect(hits).toEqual([]);
    expect(log).toContain('→ 400');
    expect(log.split('\n').filter((line) => line.startsWith('    '))).toEqual([]);
  });

  it('a JSON Patch of 100 operations still goes through, its problems reported', async () => {
    const { answer, hits, log } = await capped(operations(100));
    expect(answer.status).toBe(200);
    expect(hits).toHaveLength(1);
    expect(log).toContain('breaks the contract');
  });

  it('a body of more than 1,000 fields and items: the mock\'s 400, and the upstream never sees it', async () => {
    const body = Object.fromEntries(Array.from({ length: 2_000 }, (_, index) => [`f${index}`, index]));
    const { answer, hits } = await capped(body, 'POST', PATHS.profiles);
    expect(answer.status).toBe(400);
    expect(answer.json.message).toBe('Invalid request: the body holds more than 1000 fields and items; at most 1000 are accepted.');
    expect(hits).toEqual([]);
  });
});
