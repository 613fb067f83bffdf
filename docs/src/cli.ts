/** `npm run serve` in docs/: serves the built reference page alone. `--port` and `--host` as for serveDocs. */
import { parseArgs } from 'node:util';
import { serveDocs } from './serve.js';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4011' }, host: { type: 'string', default: '127.0.0.1' } },
});

try {
  const port = /^\d+$/.test(values.port) ? Number(values.port) : Number.NaN;
  const docs = await serveDocs({ host: values.host, port });
  console.log(`Reference docs: ${docs.url}`);
  const stop = (): void => void docs.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
