// Paired rounds, shared by both overhead benchmarks: each round runs every contender (in a rotating
// order) and yields one ratio per contender against the baseline; the median of those paired ratios
// holds on a busy machine, where absolute ops/s do not.
import os from 'node:os';

/** The ids of the spec's Kazoo example profile (the mock answers them from its examples). */
export const PROFILE_IDS = {
  accountTenantId: '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f',
  customerTenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f',
  pbxId: '9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7',
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs `contenders` (name → async call returning the profile's data) and prints the table; the client's median ratio. */
export async function pairedRounds({ title, contenders, baseline, client, rounds, opsPerRound, expectedId }) {
  async function round(run) {
    const start = performance.now();
    for (let i = 0; i < opsPerRound; i++) {
      const data = await run();
      if (data.id !== expectedId) throw new Error('wrong data');
    }
    return (opsPerRound / (performance.now() - start)) * 1000;
  }
  // Warm-up: let the JIT (and the server's caches) settle before anything is measured.
  for (const run of Object.values(contenders)) await round(run);
  const names = Object.keys(contenders);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  const ratios = Object.fromEntries(names.map((name) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length]);
    const opsPerSecond = {};
    for (const name of order) opsPerSecond[name] = await round(contenders[name]);
    for (const name of names) {
      samples[name].push(opsPerSecond[name]);
      ratios[name].push(opsPerSecond[name] / opsPerSecond[baseline]);
    }
  }
  console.log(`${title}: ${rounds} rounds of ${opsPerRound} GETs per contender (Node ${process.version}, ${os.cpus().length} CPUs)`);
  console.table(
    names.map((name) => ({
      contender: name,
      'median ops/s': Math.round(median(samples[name])),
      [`median ratio vs ${baseline}`]: `${median(ratios[name]).toFixed(2)}x`,
      'ratio range (min-max)': `${Math.min(...ratios[name]).toFixed(2)}-${Math.max(...ratios[name]).toFixed(2)}`,
    })),
  );
  return median(ratios[client]);
}
