// The runner passes against the twin on every change: a fixed seed, and a random one (in the test
// name, so a failure names the seed that replays it).
import { describe, expect, it } from 'vitest';
import { runConformance } from '../src/index.js';

const RANDOM_SEED = Math.floor(Math.random() * 2 ** 31);

describe('the runner against the in-process twin', () => {
  it('holds every property with the fixed seed, each checked', async () => {
    const report = await runConformance({ inProcess: true, seed: 20_261_205, runs: 40 });
    expect(report.failures).toEqual([]);
    expect(report.writes).toBe(true);
    for (const property of report.properties) expect(property, property.name).toMatchObject({ status: 'held', checks: expect.any(Number) });
    expect(report.cleanup.leftover).toEqual([]);
  });

  it(`holds every property with a random seed (${RANDOM_SEED})`, async () => {
    const report = await runConformance({ inProcess: true, seed: RANDOM_SEED, runs: 20 });
    expect(report.failures, `replay: --in-process --seed ${RANDOM_SEED}`).toEqual([]);
    expect(report.seed).toBe(RANDOM_SEED);
  });
});
