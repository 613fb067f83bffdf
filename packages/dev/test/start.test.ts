import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startStackProcess } from './support/stack.js';

const START = fileURLToPath(new URL('../dist/start.js', import.meta.url));
const run = promisify(execFile);

describe('the main command (npm start after the build)', () => {
  it('prints the mock URL and a curl example that creates a profile (201), then stops cleanly on Ctrl-C', async () => {
    const { child, output, ready } = startStackProcess();
    await ready;
    const url = /Mock API\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output())?.[1];
    expect(url).toBeDefined();

    // The example exactly as printed, pasted into a shell.
    const lines = output().split('\n').map((line) => line.trim());
    const first = lines.findIndex((line) => line.startsWith('curl '));
    const last = lines.findIndex((line, index) => index > first && line.startsWith('-d '));
    const curl = lines.slice(first, last + 1).join('\n');
    expect(curl).toMatch(/^curl -i -X POST /);
    const { stdout } = await run('sh', ['-c', curl]);
    expect(stdout).toMatch(/^HTTP\/1\.1 201 Created/);
    expect(stdout).toMatch(new RegExp(`^location: ${url}/v1\\.0/accounts/[^/]+/customers/[^/]+/pbxs/[0-9a-f-]{36}\\r?$`, 'im'));
    const created = JSON.parse(stdout.slice(stdout.indexOf('\r\n\r\n') + 4));
    expect(created).toMatchObject({ status: 'success', data: { _type: expect.any(String) } });

    // The twin keeps it: the Location answers with the created profile, until the printed reset.
    const location = /^location: (\S+)/im.exec(stdout)![1]!;
    const read = await fetch(location, { headers: { authorization: 'Bearer any' } });
    expect(((await read.json()) as { data: unknown }).data).toEqual(created.data);
    const reset = /`(curl -X POST -H 'X-Mock-Control: 1' \S+\/__mock\/reset)`/.exec(output())?.[1];
    expect(reset).toBe(`curl -X POST -H 'X-Mock-Control: 1' ${url}/__mock/reset`);
    await run('sh', ['-c', reset!]);
    expect((await fetch(location, { headers: { authorization: 'Bearer any' } })).status).toBe(404);

    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output()).toContain('Stopping');
    await expect(fetch(url!)).rejects.toThrow();
  });

  it.each(['SIGTERM', 'SIGHUP'] as const)('%s stops everything too: neither the mock nor the docs answer afterwards', async (signal) => {
    const { child, output, ready } = startStackProcess();
    await ready;
    const mockUrl = /Mock API\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output())![1]!;
    const docsUrl = /Reference docs\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output())![1]!;
    child.kill(signal);
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    await expect(fetch(mockUrl)).rejects.toThrow();
    await expect(fetch(docsUrl)).rejects.toThrow();
  });

  it('refuses an unknown option with a message naming it, and a taken port with a message naming it', async () => {
    await expect(run(process.execPath, [START, '--prot', '4011'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Unknown option '--prot'"),
    });

    const first = startStackProcess();
    await first.ready;
    const port = /127\.0\.0\.1:(\d+)/.exec(first.output())![1]!;
    try {
      await expect(run(process.execPath, [START, '--port', port])).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`)),
      });
    } finally {
      first.child.kill('SIGINT');
      await once(first.child, 'exit');
    }
  });
});
