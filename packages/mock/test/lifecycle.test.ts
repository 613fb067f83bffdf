import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { MockSetupError, startMock } from '@myreports/pbx-mock';
import { childPids, isAlive } from '@myreports/pbx-fixtures';

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

/** Pids of the Prism processes whose parent is `parentPid`. */
const prismChildrenOf = (parentPid: number) => childPids(parentPid, 'prism-cli');

describe('startMock', () => {
  it('starts on a free port, answers, and stop() leaves no process and no listener behind', async () => {
    const before = await prismChildrenOf(process.pid);
    const mock = await startMock({ port: 0, logLevel: 'silent' });
    const prismPids = (await prismChildrenOf(process.pid)).filter((pid) => !before.includes(pid));
    expect(prismPids).toHaveLength(1);
    expect(mock.port).toBeGreaterThan(0);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);

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
    const prismPids = await prismChildrenOf(parent.pid!);
    expect(prismPids).toHaveLength(1);

    parent.kill('SIGKILL');
    await once(parent, 'exit');

    await expect.poll(() => isAlive(prismPids[0]!), { timeout: 5_000 }).toBe(false);
    expect(await answers(url)).toBe(false);
  });

  it('answers 502 with the error envelope, and does not crash, if Prism dies under it', async () => {
    const before = await prismChildrenOf(process.pid);
    const mock = await startMock({ port: 0, logLevel: 'silent' });
    try {
      const [prism] = (await prismChildrenOf(process.pid)).filter((pid) => !before.includes(pid));
      process.kill(prism!, 'SIGKILL');
      await expect.poll(() => isAlive(prism!)).toBe(false);
      const response = await fetch(`${mock.url}/v1.0/pbxs?instanceId=x`, { headers: { authorization: 'Bearer x' } });
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ error: 502, status: 'error', message: expect.stringContaining("Prism process did not answer") });
    } finally {
      await mock.stop();
    }
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
