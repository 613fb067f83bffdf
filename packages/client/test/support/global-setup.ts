// One real Prism mock for the whole run, through the mock package's own API, on a free port.
import { startMock } from '@myreports/pbx-mock';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // Static replay: these suites expect the spec's examples; twin-lifecycle.test.ts starts a twin of its own.
  const mock = await startMock({ port: 0, logLevel: 'silent', static: true });
  project.provide('mockUrl', mock.url);
  return () => mock.stop();
}
