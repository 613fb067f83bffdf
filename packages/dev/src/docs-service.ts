import { MockSetupError } from '@myreports/pbx-mock';
import { serveDocs } from '@myreports/pbx-docs';
import type { Service } from './service.js';

/** The docs listen next to the mock: its port + 1 (4011 by default), or a free port when the mock takes one. */
export function docsPortFor(mockPort: number | undefined): number {
  const port = mockPort ?? 4010;
  return port === 0 || port === 65535 ? 0 : port + 1;
}

/** The reference docs (docs/dist/index.html, built by `npm run build`), served read-only. */
export function docsService(options: { host?: string; port: number }): Service {
  return {
    name: 'Reference docs',
    async start() {
      const docs = await serveDocs(options).catch((error: unknown) => {
        // A taken port or a missing build: say so in one line, like the mock's own setup errors.
        throw new MockSetupError(`Reference docs: ${error instanceof Error ? error.message : String(error)}`);
      });
      return {
        name: 'Reference docs',
        url: docs.url,
        description: 'the Redoc page of the spec; also opens from docs/dist/index.html',
        stop: () => docs.stop(),
      };
    },
  };
}
