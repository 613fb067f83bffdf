// One real Prism mock for the whole run, through the mock package's own API, on a free port.
import { startMock } from '@myreports/pbx-mock';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMock({ port: 0, logLevel: 'silent' });
  project.provide('mockUrl', mock.url);
  return () => mock.stop();
}
