import { type MockOptions, startMock } from '@myreports/pbx-mock';
import { createCurlExample } from './curl-example.js';
import type { Service } from './service.js';

/** The mock API (Prism on the bundled spec), with a create request to paste into a terminal. */
export function mockService(options: MockOptions): Service {
  return {
    name: 'Mock API',
    async start() {
      const mock = await startMock(options);
      return {
        name: 'Mock API',
        url: mock.url,
        description: options.static || options.dynamic ? 'Prism on the bundled spec, static replay; any Bearer token is accepted' : 'Prism on the bundled spec; any Bearer token is accepted',
        usage: [
          'Create a profile on the mock (answers 201 with a Location header):',
          ...createCurlExample(mock.url),
          ...(options.static || options.dynamic
            ? []
            : [
                '',
                `The mock keeps the profiles you create, per customer, in memory (from the spec's examples at start): reset with \`curl -X POST -H 'X-Mock-Control: 1' ${mock.url}/__mock/reset\`, or run \`npm start -- --static\` to replay the examples instead.`,
              ]),
          '',
          `Browser apps on any local port (http://localhost:<port>) may call it (CORS); another origin needs \`npm start -- --cors <origin>\`. For tests: \`Prefer: fault=503\`, \`--error-rate\`, what was sent with \`curl -H 'X-Mock-Control: 1' ${mock.url}/__mock/requests\` (packages/mock/README.md).`,
        ],
        stop: () => mock.stop(),
      };
    },
  };
}
