import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { MockSetupError } from '@myreports/pbx-mock';
import type { Service } from './service.js';

// The compiled worker, found the same from src/ (tests) and dist/.
const WORKER = new URL('../dist/docs-worker.js', import.meta.url);

/** The docs listen next to the mock: its port + 1 (4011 by default), or a free port when the mock takes one. */
export function docsPortFor(mockPort: number | undefined): number {
  const port = mockPort ?? 4010;
  return port === 0 || port === 65535 ? 0 : port + 1;
}

/**
 * The reference docs (docs/dist/index.html, built by `npm run build`), served read-only from a
 * worker thread: a crash there is reported and the docs restarted on the same port, and the mock
 * in the main thread keeps serving.
 */
export function docsService(options: { host?: string; port: number; onCrash?: (message: string) => void }): Service {
  const { onCrash = (message) => console.error(message), ...listen } = options;
  return {
    name: 'Reference docs',
    async start() {
      let stopping = false;
      const launch = async (port: number): Promise<{ worker: Worker; url: string }> => {
        const worker = new Worker(WORKER, { workerData: { ...listen, port } });
        const [message] = (await Promise.race([once(worker, 'message'), once(worker, 'error').then(([error]) => [{ error: String(error) }])])) as [
          { url?: string; error?: string },
        ];
        if (message.error !== undefined || message.url === undefined) {
          await worker.terminate();
          // A taken port or a missing build: say so in one line, like the mock's own setup errors.
          throw new MockSetupError(`Reference docs: ${message.error ?? 'the docs server did not start'}`);
        }
        worker.on('error', (error) => {
          if (stopping) return;
          onCrash(`Reference docs crashed (${error.message}); restarting them. The mock is not affected.`);
          launch(Number(new URL(message.url!).port)).then(
            (next) => (current = next),
            (failure: unknown) => onCrash(`Reference docs could not restart: ${String(failure)}`),
          );
        });
        return { worker, url: message.url };
      };
      let current = await launch(listen.port);
      return {
        name: 'Reference docs',
        url: current.url,
        description: 'the Redoc page of the spec; also opens from docs/dist/index.html',
        stop: async () => {
          stopping = true;
          const exited = once(current.worker, 'exit');
          current.worker.postMessage('stop');
          const timer = setTimeout(() => void current.worker.terminate(), 2_000);
          await exited;
          clearTimeout(timer);
        },
      };
    },
  };
}
