// The client's get() over real HTTP on loopback against the project's mock (real Prism, static
// examples, on a free port), against bare openapi-fetch doing the same GET with the same token, in
// paired rounds. Budget: at least 0.97x. Run: npm run bench (turbo builds first).
import createFetchClient from 'openapi-fetch';
import { startMock } from '@myreports/pbx-mock';
import { createClient } from '../dist/index.js';
import { pairedRounds, PROFILE_IDS as ids } from './paired-rounds.js';

const BUDGET = 0.97;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const OPS_PER_ROUND = Number(process.env.BENCH_OPS ?? 200);
const TOKEN = 'bench-token';
const PATH = '/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs/{pbxId}';

const mock = await startMock({ port: 0, logLevel: 'silent', static: true });
try {
  const ours = createClient({ baseUrl: mock.url, token: TOKEN });
  const bare = createFetchClient({ baseUrl: mock.url, headers: { Authorization: `Bearer ${TOKEN}` } });
  const ratio = await pairedRounds({
    title: 'Client overhead over loopback HTTP against the mock',
    contenders: {
      'pbx-client get()': async () => (await ours.get(ids)).data,
      'bare openapi-fetch GET': async () => {
        const { data, error } = await bare.GET(PATH, { params: { path: ids } });
        if (error !== undefined) throw new Error('unexpected error');
        return data.data;
      },
    },
    baseline: 'bare openapi-fetch GET',
    client: 'pbx-client get()',
    rounds: ROUNDS,
    opsPerRound: OPS_PER_ROUND,
    expectedId: ids.pbxId,
  });
  console.log(`pbx-client / bare openapi-fetch over loopback = ${ratio.toFixed(2)}x (budget ≥ ${BUDGET}x): ${ratio >= BUDGET ? 'met' : 'NOT met'}`);
} finally {
  await mock.stop();
}
