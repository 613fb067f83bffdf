// The runner is itself tested by mutation: each deliberately broken twin (the real mock behind a
// layer that breaks one behaviour) must be caught, by a property that names the breakage.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { runConformance } from '../src/index.js';
import { MUTANTS, type Mutant, startBrokenTwin } from './support/broken-twin.js';
import { createCustomer } from './support/customer.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, logLevel: 'silent' });
});
afterAll(() => mock?.stop());
// What one broken twin could not delete stays out of the next one's way.
beforeEach(() => mock.reset());

/** An answer that breaks its schema: a timestamp with 3 fraction digits instead of 7. */
const BREAKS_SCHEMA: Mutant = {
  name: 'an envelope whose timestamp has 3 fraction digits',
  caughtBy: ['answers-match-spec'],
  handle: async (request, forward) => {
    const answer = await forward(request);
    return { ...answer, body: answer.body.replace(/(\.\d{3})\d{4}Z"/, '$1Z"') };
  },
};

describe('every broken twin is caught', () => {
  it.each([...MUTANTS, BREAKS_SCHEMA].map((mutant) => [mutant.name, mutant] as const))('%s', async (_, mutant) => {
    const broken = await startBrokenTwin(mock.url, mutant);
    try {
      const parent = await createCustomer(mock.url);
      const report = await runConformance({ baseUrl: broken.url, acceptCharges: true, parent, seed: 1, runs: 100 });
      expect(report.failures.length, `${mutant.name} was not caught`).toBeGreaterThan(0);
      const [failure] = report.failures;
      expect(mutant.caughtBy).toContain(failure!.property);
      // The shrunk sequence is short and printed as curl.
      expect(failure!.curl.length).toBeGreaterThan(0);
      expect(failure!.commands.length).toBeLessThanOrEqual(4);
    } finally {
      await broken.stop();
    }
  });
});
