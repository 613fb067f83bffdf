import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { invalidAcceptCharges, invalidCreateBodies, invalidGuids, invalidInstanceIds, invalidPatchBodies } from '@myreports/pbx-fixtures';
import { runConformance } from '../src/index.js';
import { type Mutant, startBrokenTwin } from './support/broken-twin.js';
import { createCustomer } from './support/customer.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, logLevel: 'silent' });
});
afterAll(() => mock?.stop());

const customer = () => createCustomer(mock.url);
const ROWS = invalidGuids.length * 3 + invalidInstanceIds.length + invalidCreateBodies.length + invalidAcceptCharges.length * 2 + invalidPatchBodies.length;

describe('every invalid row of the fixture tables, sent once', () => {
  it('each is refused by the twin with the 400 envelope naming its field', async () => {
    const report = await runConformance({ baseUrl: mock.url, acceptCharges: true, parent: await customer(), runs: 0 });
    expect(report.failures).toEqual([]);
    expect(report.properties.find((property) => property.name === 'invalid-rows-400')).toMatchObject({ status: 'held', checks: ROWS + 1 });
    // The row that needed a profile to patch made one, and it is gone.
    expect(report.cleanup).toEqual({ deleted: [expect.any(String)], leftover: [] });
  });

  it('a target whose 400 does not name the field fails, row by row', async () => {
    const vague: Mutant = {
      name: 'a 400 that names nothing',
      caughtBy: ['invalid-rows-400'],
      handle: async (request, forward) => {
        const answer = await forward(request);
        if (answer.status !== 400) return answer;
        const body = JSON.parse(answer.body) as { message: string };
        return { ...answer, body: JSON.stringify({ ...body, message: 'Bad request.' }) };
      },
    };
    const broken = await startBrokenTwin(mock.url, vague);
    try {
      const report = await runConformance({ baseUrl: broken.url, acceptCharges: true, parent: await customer(), runs: 0 });
      expect(report.failures).toHaveLength(1);
      expect(report.failures[0]).toMatchObject({ property: 'invalid-rows-400' });
      expect(report.failures[0]!.message).toMatch(/^\d+ invalid row\(s\) not refused as documented: list with accountTenantId a word: the message does not name accountTenantId: "Bad request\."; .*; and \d+ more$/);
    } finally {
      await broken.stop();
    }
  });

  it('read-only, only the reads are sent, and the writes are said to be left out', async () => {
    const report = await runConformance({ baseUrl: mock.url, parent: await customer(), runs: 0 });
    expect(report.failures).toEqual([]);
    expect(report.properties.find((property) => property.name === 'invalid-rows-400')!.checks).toBe(invalidGuids.length * 3 + invalidInstanceIds.length + 1);
    expect(report.notes).toContain('Invalid rows of creates and patches not sent (read-only).');
  });
});
