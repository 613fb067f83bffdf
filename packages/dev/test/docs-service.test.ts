import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { watchOutput } from '@myreports/pbx-fixtures';
import { MockSetupError } from '@myreports/pbx-mock';
import { docsPortFor, docsService } from '../src/docs-service.js';

const START = fileURLToPath(new URL('../dist/start.js', import.meta.url));

describe('the reference docs in the local stack', () => {
  it.each([
    [undefined, 4011],
    [4010, 4011],
    [8080, 8081],
    [0, 0],
    [65535, 0],
  ])('listen next to a mock on port %s: %s', (mockPort, docsPort) => {
    expect(docsPortFor(mockPort)).toBe(docsPort);
  });

  it('serve the built page, and stop', async () => {
    const docs = await docsService({ port: 0 }).start();
    try {
      const response = await fetch(docs.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      // Facts of the 2.6 MB page, so that a failure prints them rather than the page.
      expect(/<title>([^<]*)<\/title>/.exec(await response.text())?.[1]).toMatch(/^myreports Enterprise Portal API/);
    } finally {
      await docs.stop();
    }
    await expect(fetch(docs.url)).rejects.toThrow();
  });

  it('refuse a taken port in one line that names it', async () => {
    const first = await docsService({ port: 0 }).start();
    const port = Number(new URL(first.url).port);
    try {
      const second = docsService({ port }).start();
      await expect(second).rejects.toBeInstanceOf(MockSetupError);
      await expect(second).rejects.toThrow(`Reference docs: Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      await first.stop();
    }
  });

  it('are printed by the main command with their URL, which serves the page', async () => {
    const child = spawn(process.execPath, [START, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = watchOutput(child);
    try {
      await output.until('Ctrl-C stops everything.');
      const url = /Reference docs\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.text())?.[1];
      expect(url).toBeDefined();
      const page = await fetch(url!);
      expect(page.status).toBe(200);
      expect((await page.text()).includes('__redoc_definition'), 'the page carries the spec').toBe(true);
    } finally {
      child.kill('SIGINT');
      await once(child, 'exit');
    }
  });
});
