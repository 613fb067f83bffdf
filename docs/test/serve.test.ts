import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocsServer, serveDocs } from '../src/serve.js';

/** A raw request, so paths like `/../x` reach the server as written (fetch would normalise them). */
interface Answer {
  status: number;
  type: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function get(url: string, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(new URL(url), { path, method, agent: false, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        done({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body, headers: response.headers }),
      );
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
    symlinkSync(outside, join(root, 'leak.txt'));
    symlinkSync(tmpdir(), join(root, 'tmp'));
    symlinkSync(join(root, 'assets', 'openapi.json'), join(root, 'spec.json'));
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
    ['a symlink to a file outside', '/leak.txt'],
    ['a file under a symlink to a folder outside', '/tmp/' + outside.split('/').pop()],
    ['an unknown asset', '/assets/app.js'],
    ['an unknown asset at the top', '/favicon.ico'],
  ])('answers 404 to %s', async (_, path) => {
    const answer = await get(docs.url, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('not for the web');
  });

  it('follows a symlink that stays inside the folder', async () => {
    expect(await get(docs.url, '/spec.json')).toMatchObject({ status: 200, body: '{}' });
  });

  it.each([
    ['/getting-started', '/#/getting-started'],
    ['/profile-types/kazoo-profiles', '/#/profile-types/kazoo-profiles'],
    ['/pbx-connection-profiles/createpbxconnectionprofile', '/#/pbx-connection-profiles/createpbxconnectionprofile'],
    ["/quirks-and-warnings/typos-in-the-vendor's-examples", "/#/quirks-and-warnings/typos-in-the-vendor's-examples"],
    ['/quirks-and-warnings/typos-in-the-vendor%27s-examples', "/#/quirks-and-warnings/typos-in-the-vendor's-examples"],
    ['/caf%C3%A9', '/#/caf%C3%A9'],
    ['/changelog/1.0.0', '/#/changelog/1.0.0'],
  ])('sends the route %s of the page back to the page, at the same section', async (path, location) => {
    const answer = await get(docs.url, path);
    expect(answer.status).toBe(302);
    expect(answer.headers['location']).toBe(location);
  });

  it('sends the type, length and revalidation headers, and 304 when the copy is current', async () => {
    const answer = await get(docs.url, '/');
    expect(answer.headers).toMatchObject({ 'cache-control': 'no-cache', 'content-length': String(answer.body.length), 'x-content-type-options': 'nosniff' });
    const etag = String(answer.headers['etag']);
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(answer.headers['last-modified']).toMatch(/GMT$/);
    expect(await get(docs.url, '/', 'GET', { 'If-None-Match': etag })).toMatchObject({ status: 304, body: '' });
    expect((await get(docs.url, '/', 'GET', { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('answers a file rewritten while it is served with one whole version, never a mix or a short body', async () => {
    const versions = ['a'.repeat(300_000), 'b'.repeat(500_000), 'c'.repeat(100_000)];
    const file = join(root, 'assets', 'big.txt');
    writeFileSync(file, versions[0]!);
    let writing = true;
    const writer = (async () => {
      for (let round = 0; writing; round++) {
        // In place (truncate, then write) and atomically (rename), as builds do either.
        if (round % 2 === 0) writeFileSync(file, versions[round % 3]!);
        else {
          writeFileSync(`${file}.new`, versions[round % 3]!);
          renameSync(`${file}.new`, file);
        }
        await new Promise((tick) => setImmediate(tick));
      }
    })();
    const answers = await Promise.all(Array.from({ length: 60 }, () => get(docs.url, '/assets/big.txt')));
    writing = false;
    await writer;
    for (const answer of answers) {
      expect([200, 503]).toContain(answer.status);
      if (answer.status !== 200) continue;
      // The moment between truncate and write is an empty file: whole, if not useful.
      expect(['', ...versions]).toContain(answer.body);
      expect(answer.headers['content-length']).toBe(String(answer.body.length));
    }
    expect(answers.filter((answer) => answer.status === 200 && answer.body.length > 0).length).toBeGreaterThan(0);
  });

  it('answers 404 for a file removed while it is served, and keeps running', async () => {
    const file = join(root, 'assets', 'gone.txt');
    let removing = true;
    const remover = (async () => {
      while (removing) {
        writeFileSync(file, 'here');
        await new Promise((tick) => setImmediate(tick));
        unlinkSync(file);
        await new Promise((tick) => setImmediate(tick));
      }
    })();
    const answers = await Promise.all(Array.from({ length: 60 }, () => get(docs.url, '/assets/gone.txt')));
    removing = false;
    await remover;
    for (const answer of answers) expect(answer.status === 404 || (answer.status === 200 && answer.body === 'here')).toBe(true);
    expect((await get(docs.url, '/assets/gone.txt')).status).toBe(404);
    expect((await get(docs.url, '/')).status).toBe(200);
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
