import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MockSetupError, startMock } from '@myreports/pbx-mock';

/** True while something accepts TCP connections at `url` (a refusal on loopback comes at once: no deadline needed). */
function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('startMock', () => {
  it('starts on a free port in this process, answers, and stop() leaves no listener behind', async () => {
    const mock = await startMock({ port: 0, logLevel: 'silent' });
    expect(mock.port).toBeGreaterThan(0);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);

    expect(await answers(`${mock.url}/v1.0/pbxs?instanceId=x`)).toBe(true);
    await mock.stop();
    await mock.stop();
    expect(await answers(`${mock.url}/v1.0/pbxs?instanceId=x`)).toBe(false);
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
