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
        description: 'Prism on the bundled spec; any Bearer token is accepted',
        usage: ['Create a profile on the mock (answers 201 with a Location header):', ...createCurlExample(mock.url)],
        stop: () => mock.stop(),
      };
    },
  };
}
