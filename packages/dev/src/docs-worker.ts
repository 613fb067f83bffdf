// The docs server, in a worker thread of its own: whatever throws in it ends the worker, never the
// process that serves the mock.
import { parentPort, workerData } from 'node:worker_threads';
import { serveDocs } from '@myreports/pbx-docs';

const docs = await serveDocs(workerData as { host?: string; port: number }).catch((error: unknown) => {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  return undefined;
});
if (docs) {
  parentPort!.postMessage({ url: docs.url });
  parentPort!.on('message', (message: unknown) => {
    if (message === 'stop') void docs.stop().then(() => parentPort!.close());
  });
}
