/** A target the runner talks to, and how to let it go. */
export interface Target {
  baseUrl: string;
  /** A mock on this machine: a loopback address or the in-process twin. */
  local: boolean;
  /** A twin started by the runner itself (`--in-process`). */
  own: boolean;
  stop(): Promise<void>;
}

/**
 * The twin in this process. `@myreports/pbx-mock` has no port-less entry point, so it listens on a
 * free loopback port that nothing else is told about; loaded only when asked for.
 */
export async function startInProcessTwin(): Promise<Target> {
  const { startMock } = await import('@myreports/pbx-mock');
  const mock = await startMock({ port: 0, host: '127.0.0.1', logLevel: 'silent' });
  return { baseUrl: mock.url, local: true, own: true, stop: () => mock.stop() };
}

export function remoteTarget(baseUrl: string): Target {
  return { baseUrl, local: isLoopback(baseUrl), own: false, stop: async () => {} };
}

/** A loopback host: `localhost`, 127.0.0.0/8 or `::1`. */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
