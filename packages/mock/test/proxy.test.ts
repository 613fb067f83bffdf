import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { IDS } from '@myreports/pbx-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockSetupError, type RunningMock, type RunningProxy, startMock, startProxy } from '@myreports/pbx-mock';
import { BEARER, PATHS, call } from './support/mock-client.js';

describe('validation proxy', () => {
  // The "real server": the mock itself, whose answers follow the contract, and a broken server whose answers do not.
  let server: RunningMock;
  let broken: ReturnType<typeof createServer>;
  let brokenUrl: string;
  const lines: string[] = [];
  let proxy: RunningProxy;
  let proxyToBroken: RunningProxy;

  beforeAll(async () => {
    // Static replay: an upstream that answers the same twice, so proxied and direct answers compare.
    server = await startMock({ port: 0, logLevel: 'silent', static: true });
    broken = createServer((_, res) => {
      // A list without `page_size` and with a profile lacking `tenantId`.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: [{ id: IDS.kazooPbxId, name: 'x', _type: 'KazooPbxConnectionProfile' }], status: 'success', timestamp: '2019-11-29T16:03:23.9251680Z' }));
    }).listen(0, '127.0.0.1');
    await once(broken, 'listening');
    brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
    [proxy, proxyToBroken] = await Promise.all([
      startProxy({ upstream: server.url, port: 0, log: (line) => lines.push(line) }),
      startProxy({ upstream: brokenUrl, port: 0, log: (line) => lines.push(line) }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([proxy?.stop(), proxyToBroken?.stop(), server?.stop()]);
    broken?.close();
  });

  it('passes a conforming exchange through unchanged and reports no violation', async () => {
    lines.length = 0;
    const direct = await call(server.url, 'GET', PATHS.profile(), { headers: BEARER });
    const proxied = await call(proxy.url, 'GET', PATHS.profile(), { headers: BEARER });
    expect(proxied.status).toBe(200);
    expect(proxied.json).toEqual(direct.json);
    expect(lines.join('\n')).not.toContain('breaks the contract');
    expect(lines.join('\n')).toMatch(/GET\s+\/v1\.0\/accounts\/.+\/pbxs\/.+ → 200/);
  });

  it('reports a request that breaks the contract, naming the parameter, and still forwards it', async () => {
    lines.length = 0;
    const proxied = await call(proxy.url, 'GET', PATHS.profile('not-a-guid'), { headers: BEARER });
    expect(proxied.status).toBe(400); // the server's own answer
    const report = lines.join('\n');
    expect(report).toContain('breaks the contract');
    expect(report).toContain('request: path parameter pbxId must match format "uuid"');
    expect(report).not.toContain('pbxid');
  });

  it('reports an answer that breaks the contract, naming the missing fields', async () => {
    lines.length = 0;
    const proxied = await call(proxyToBroken.url, 'GET', PATHS.profiles, { headers: BEARER });
    expect(proxied.status).toBe(200);
    const report = lines.join('\n');
    expect(report).toContain('breaks the contract');
    expect(report).toContain("response: / must have required property 'page_size'");
    expect(report).toMatch(/tenantId/);
  });

  it('never logs query values (an instanceId may be a licence key)', async () => {
    lines.length = 0;
    await call(proxy.url, 'GET', PATHS.find('licenseKey-secret-value'), { headers: BEARER });
    expect(lines.join('\n')).toContain('/v1.0/pbxs?instanceId=…');
    expect(lines.join('\n')).not.toContain('licenseKey-secret-value');
  });

  it('refuses an upstream that is not an http(s) URL', async () => {
    await expect(startProxy({ upstream: 'api.example.com', port: 0 })).rejects.toThrow(MockSetupError);
    await expect(startProxy({ upstream: 'ftp://api.example.com', port: 0 })).rejects.toThrow(/must be an http\(s\) URL/);
  });
});
