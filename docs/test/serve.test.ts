import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocsServer, serveDocs } from '../src/serve.js';

/** A raw request, so paths like `/../x` reach the server as written (fetch would normalise them). */
function get(url: string, path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((done, fail) => {
    const req = request(new URL(url), { path, method, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }));
    });
    req.on('error', fail).end();
  });
}

describe('serveDocs', () => {
  const root = mkdtempSync(join(tmpdir(), 'pbx-docs-site-'));
  const outside = `${root}-secret.txt`;
  let docs: DocsServer;

  beforeAll(async () => {
    writeFileSync(join(root, 'index.html'), '<!DOCTYPE html><title>Reference</title>');
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'openapi.json'), '{}');
    writeFileSync(outside, 'not for the web');
    docs = await serveDocs({ root, port: 0 });
  });

  afterAll(async () => {
    await docs?.stop();
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { force: true });
  });

  it('answers on a free port of 127.0.0.1 and serves index.html at /', async () => {
    expect(docs.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(docs.url).not.toMatch(/:0\/$/);
    const answer = await get(docs.url, '/');
    expect(answer).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!DOCTYPE html><title>Reference</title>' });
  });

  it('serves other files with their type, and HEAD without a body', async () => {
    expect(await get(docs.url, '/assets/openapi.json')).toMatchObject({ status: 200, type: 'application/json; charset=utf-8', body: '{}' });
    expect(await get(docs.url, '/index.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it.each([
    ['a missing file', '/nothing.html'],
    ['a folder without index.html', '/assets/'],
    ['a parent folder', '/../' + outside.split('/').pop()],
    ['an encoded parent folder', '/%2e%2e/' + outside.split('/').pop()],
    ['an encoded slash', '/..%2f' + outside.split('/').pop()],
    ['a NUL byte', '/index.html%00.txt'],
    ['broken percent-encoding', '/%E0%A4%A'],
  ])('answers 404 to %s', async (_, path) => {
    const answer = await get(docs.url, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('not for the web');
  });

  it('refuses to change anything (405 with Allow)', async () => {
    const answer = await get(docs.url, '/', 'POST');
    expect(answer.status).toBe(405);
    expect(answer.body).toContain('read-only');
  });

  it('refuses a folder without a built page, naming the folder and the fix', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pbx-docs-empty-'));
    await expect(serveDocs({ root: empty })).rejects.toThrow(`No built docs in ${empty}: run \`npm run build\``);
    rmSync(empty, { recursive: true });
  });

  it.each([[-1], [65536], [1.5], [Number.NaN]])('refuses port %s with a clear message', async (port) => {
    await expect(serveDocs({ root, port })).rejects.toThrow(/port must be an integer from 0 to 65535/);
  });

  it('refuses a port that is taken, naming it', async () => {
    const port = Number(new URL(docs.url).port);
    await expect(serveDocs({ root, port })).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
  });

  it('stops: the port is closed afterwards', async () => {
    const other = await serveDocs({ root, port: 0 });
    expect((await get(other.url, '/')).status).toBe(200);
    await other.stop();
    await expect(get(other.url, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});
