// Client overhead with a stubbed fetch (no network): our client, bare openapi-fetch and a
// hand-written fetch call do the same GET of one profile in one process, in paired rounds.
// Run: npm run bench (turbo builds first).
import createFetchClient from 'openapi-fetch';
import { createClient } from '../dist/index.js';
import { pairedRounds, PROFILE_IDS } from './paired-rounds.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const OPS_PER_ROUND = Number(process.env.BENCH_OPS ?? 2_000);
const BASE_URL = 'https://api.na.myreports.cloud/api';
const TOKEN = 'bench-token';
const IDS = PROFILE_IDS;
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

const ratio = await pairedRounds({
  title: 'Client overhead, stubbed fetch',
  contenders,
  baseline: 'bare openapi-fetch GET',
  client: 'pbx-client get()',
  rounds: ROUNDS,
  opsPerRound: OPS_PER_ROUND,
  expectedId: IDS.pbxId,
});
console.log(`pbx-client / bare openapi-fetch = ${ratio.toFixed(2)}x (stubbed fetch: client-side work only, no budget; the budget is on loopback, bench/loopback.js)`);
