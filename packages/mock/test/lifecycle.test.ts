import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { MockSetupError, startMock } from '@myreports/pbx-mock';

/** True while something accepts TCP connections at `url`. */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids of the processes whose command line mentions `needle` (Linux /proc). */
async function pidsMentioning(needle: string): Promise<number[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(needle)) pids.push(Number(entry));
  }
  return pids;
}

describe('startMock', () => {
  it('starts on a free port, answers, and stop() leaves no process and no listener behind', async () => {
    const mock = await startMock({ port: 0, logLevel: 'silent' });
    expect(mock.port).toBeGreaterThan(0);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    const prismPids = await pidsMentioning(`--port\u0000${mock.port}`);
    expect(prismPids).toHaveLength(1);

    expect(await answers(`${mock.url}/v1.0/pbxs?instanceId=x`)).toBe(true);
    await mock.stop();
    await mock.stop();

    expect(isAlive(prismPids[0]!)).toBe(false);
    expect(await answers(`${mock.url}/v1.0/pbxs?instanceId=x`)).toBe(false);
  });

  it('dies with its parent even when the parent is killed with SIGKILL', async () => {
    // A parent that starts the mock, prints its port, then waits to be killed.
    const script = `
      import { startMock } from '@myreports/pbx-mock';
      const mock = await startMock({ port: 0, logLevel: 'silent' });
      process.stdout.write(String(mock.port) + '\\n');
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: import.meta.dirname,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [chunk] = (await once(parent.stdout, 'data')) as [Buffer];
    const port = Number(chunk.toString().trim());
    const url = `http://127.0.0.1:${port}/v1.0/pbxs?instanceId=x`;
    expect(await answers(url)).toBe(true);
    const prismPids = await pidsMentioning(`--port\u0000${port}`);
    expect(prismPids).toHaveLength(1);

    parent.kill('SIGKILL');
    await once(parent, 'exit');

    await expect.poll(() => isAlive(prismPids[0]!), { timeout: 5_000 }).toBe(false);
    expect(await answers(url)).toBe(false);
  });

  it('rejects a port already in use with a clear message', async () => {
    const first = await startMock({ port: 0, logLevel: 'silent' });
    try {
      const second = startMock({ port: first.port, logLevel: 'silent' });
      await expect(second).rejects.toThrow(MockSetupError);
      await expect(second).rejects.toThrow(new RegExp(`port ${first.port}.*already in use`, 'i'));
    } finally {
      await first.stop();
    }
  });
});
