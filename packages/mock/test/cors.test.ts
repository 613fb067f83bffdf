// CORS: pages of this machine (localhost, 127.0.0.1, [::1], any port) may call the mock by default,
// preflight included; any other origin only when named with --cors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { BEARER, PATHS } from './support/mock-client.js';

let mock: RunningMock;
let named: RunningMock;
beforeAll(async () => {
  [mock, named] = await Promise.all([startMock({ port: 0, logLevel: 'silent' }), startMock({ port: 0, logLevel: 'silent', cors: 'https://app.example.com' })]);
});
afterAll(() => Promise.all([mock?.stop(), named?.stop()]));

const preflight = (url: string, origin: string) =>
  fetch(`${url}${PATHS.profiles}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, accept-charges, x-mock-session' },
  });

describe('CORS', () => {
  it.each(['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080', 'https://localhost'])('a page of this machine, %s: preflight 204 and the answer allowed', async (origin) => {
    const answer = await preflight(mock.url, origin);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    expect(answer.headers.get('access-control-allow-headers')).toMatch(/X-Mock-Session/);
    const read = await fetch(`${mock.url}${PATHS.profiles}`, { headers: { ...BEARER, origin } });
    expect(read.headers.get('access-control-allow-origin')).toBe(origin);
    expect(read.headers.get('access-control-expose-headers')).toContain('Location');
  });

  it.each(['https://evil.example', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example:80', 'null', 'file://'])(
    'another origin, %s: no CORS header, and the preflight is not allowed',
    async (origin) => {
      const answer = await preflight(mock.url, origin);
      expect(answer.status).not.toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const read = await fetch(`${mock.url}${PATHS.profiles}`, { headers: { ...BEARER, origin } });
      expect(read.status).toBe(200);
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
      expect(read.headers.get('vary')).toBe('Origin');
    },
  );

  it('--cors names one more origin; others stay out', async () => {
    expect((await preflight(named.url, 'https://app.example.com')).headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect((await preflight(named.url, 'https://other.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(named.url, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});
