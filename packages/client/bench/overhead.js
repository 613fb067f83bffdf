// Client overhead with a stubbed fetch (no network): our client, bare openapi-fetch and a
// hand-written fetch call do the same GET of one profile in one process. Each round runs every
// contender (in a rotating order) and yields one ratio per contender against bare openapi-fetch; the
// median of those paired ratios holds on a busy machine, where absolute ops/s do not.
// Run: npm run bench (turbo builds first).
import os from 'node:os';
import createFetchClient from 'openapi-fetch';
import { createClient } from '../dist/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const OPS_PER_ROUND = Number(process.env.BENCH_OPS ?? 2_000);
const BASE_URL = 'https://api.na.myreports.cloud/api';
const TOKEN = 'bench-token';
const IDS = {
  accountTenantId: '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f',
  customerTenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f',
  pbxId: '9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7',
};
const BODY = JSON.stringify({
  data: { id: IDS.pbxId, name: 'Customers Kazoo Pbx', _type: 'KazooPbxConnectionProfile', tenantId: IDS.customerTenantId },
  status: 'success',
  timestamp: '2020-02-06T12:41:02.7654321Z',
});
const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(BODY)) };

// The same canned answer for everyone: building a Response is part of every contender's cost.
const stubFetch = async () => new Response(BODY, { status: 200, headers: HEADERS });

const ours = createClient({ baseUrl: BASE_URL, token: TOKEN, fetch: stubFetch });
const bare = createFetchClient({ baseUrl: BASE_URL, fetch: stubFetch, headers: { Authorization: `Bearer ${TOKEN}` } });
const PATH = '/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs/{pbxId}';

const contenders = {
  'pbx-client get()': async () => (await ours.get(IDS)).data,
  'bare openapi-fetch GET': async () => {
    const { data, error } = await bare.GET(PATH, { params: { path: IDS } });
    if (error !== undefined) throw new Error('unexpected error');
    return data.data;
  },
  'hand-written fetch': async () => {
    const url = `${BASE_URL}/v1.0/accounts/${encodeURIComponent(IDS.accountTenantId)}/customers/${encodeURIComponent(IDS.customerTenantId)}/pbxs/${encodeURIComponent(IDS.pbxId)}`;
    const response = await stubFetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (!response.ok) throw new Error(`status ${response.status}`);
    return (await response.json()).data;
  },
};

async function round(run) {
  const start = performance.now();
  for (let i = 0; i < OPS_PER_ROUND; i++) {
    const data = await run();
    if (data.id !== IDS.pbxId) throw new Error('wrong data');
  }
  return (OPS_PER_ROUND / (performance.now() - start)) * 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Warm-up: let the JIT settle before anything is measured.
for (const run of Object.values(contenders)) await round(run);

const names = Object.keys(contenders);
const samples = Object.fromEntries(names.map((name) => [name, []]));
const ratios = Object.fromEntries(names.map((name) => [name, []]));
for (let r = 0; r < ROUNDS; r++) {
  const order = names.map((_, i) => names[(i + r) % names.length]);
  const opsPerSecond = {};
  for (const name of order) opsPerSecond[name] = await round(contenders[name]);
  for (const name of names) {
    samples[name].push(opsPerSecond[name]);
    ratios[name].push(opsPerSecond[name] / opsPerSecond['bare openapi-fetch GET']);
  }
}

console.log(`Client overhead, stubbed fetch: ${ROUNDS} rounds of ${OPS_PER_ROUND} GETs per contender (Node ${process.version}, ${os.cpus().length} CPUs)`);
console.table(
  names.map((name) => ({
    contender: name,
    'median ops/s': Math.round(median(samples[name])),
    'median ratio vs bare openapi-fetch': `${median(ratios[name]).toFixed(2)}x`,
    'ratio range (min-max)': `${Math.min(...ratios[name]).toFixed(2)}-${Math.max(...ratios[name]).toFixed(2)}`,
  })),
);
const ratio = median(ratios['pbx-client get()']);
console.log(`pbx-client / bare openapi-fetch = ${ratio.toFixed(2)}x (budget ≥ 0.9x): ${ratio >= 0.9 ? 'met' : 'NOT met'}`);
