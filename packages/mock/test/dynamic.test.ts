import { loadBundledSpec } from '@myreports/pbx-fixtures';
import { describe, expect, it } from 'vitest';
import { startMock } from '@myreports/pbx-mock';
import { BEARER, PATHS, call } from './support/mock-client.js';


/** The first list answer of a fresh dynamic mock with `seed`. */
async function firstList(seed: string): Promise<unknown> {
  const mock = await startMock({ port: 0, logLevel: 'silent', dynamic: true, seed });
  try {
    const answer = await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER });
    expect(answer.status).toBe(200);
    return answer.json;
  } finally {
    await mock.stop();
  }
}

describe('dynamic mode', () => {
  // Prism's faker (json-schema-faker) ignores `not` and some patterns, so its fakes do not always
  // validate (see the README); what the option promises is fake data, repeatable by seed.
  it('fakes list answers instead of the example, the same for the same seed and different for another', async () => {
    const [first, again, other] = (await Promise.all([firstList('alpha'), firstList('alpha'), firstList('omega')])) as { data: { id: string }[] }[];
    expect(first!.data.length).toBeGreaterThan(0);
    for (const item of first!.data) expect(item.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    // Not the static example.
    expect(first).not.toEqual(loadBundledSpec().components.examples.ProfileList!.value);
  });
});
