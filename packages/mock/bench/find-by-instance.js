// Find by instance, per request, with 10,000 profiles stored against 10: the lookup is an index, so
// the ratio should be 1 within noise (a scan of every profile made it 2.4-2.9x). The profiles are
// spread over 100 customers; the one looked for is the newest, and an unknown instance is looked
// for too (a scan's worst cases). In process, on the twin's responder: no HTTP noise.
// Run: npm run bench (after npm run build). `node bench/find-by-instance.js <twin module>` measures another build.
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { loadContract } from '@myreports/pbx-contract';

const twinModule = process.argv[2] ? pathToFileURL(resolve(process.argv[2])).href : new URL('../dist/twin/index.js', import.meta.url).href;
const { createTwin } = await import(twinModule);
const contract = loadContract();
const SIZES = [10, 10_000];
const REQUESTS = 2_000;
const ROUNDS = 15;

const customer = (index) => `00000000-0000-4000-8000-${String(index % 100).padStart(12, '0')}`;
const find = (instanceId) => ({ operationId: 'findPbxConnectionProfileByInstance', method: 'GET', path: '/v1.0/pbxs', pathParams: {}, query: { instanceId }, headers: {}, body: undefined });
const create = (index) => ({
  operationId: 'createPbxConnectionProfile',
  method: 'POST',
  path: `/v1.0/accounts/${customer(index)}/customers/${customer(index)}/pbxs`,
  pathParams: { accountTenantId: customer(index), customerTenantId: customer(index) },
  query: {},
  headers: {},
  body: { _type: 'KazooPbxConnectionProfile', name: `PBX ${index}`, hostRest: 'https://kazoo.example.com:8443', hostWebsocket: 'wss://kazoo.example.com:5443', accountId: `account-${index}`, apiKey: 'key' },
});

async function twinWith(size) {
  const twin = await createTwin(contract, { seed: 'empty', maxItems: 20_000 });
  for (let index = 0; index < size; index += 1) {
    if (twin.respond(create(index)).status !== 201) throw new Error(`create ${index} failed`);
  }
  return twin;
}

/** Microseconds per request of one round. */
function round(twin, instanceId, exists) {
  const start = process.hrtime.bigint();
  for (let index = 0; index < REQUESTS; index += 1) {
    if (twin.respond(find(instanceId)).body.data.exists !== exists) throw new Error('wrong answer');
  }
  return Number(process.hrtime.bigint() - start) / 1_000 / REQUESTS;
}

/**
 * Microseconds per request at each size, the fastest round of each: the rounds of both sizes
 * alternate, so a burst of load or a collection hits both alike, and the fastest is the least disturbed.
 */
function perRequest(instance, exists) {
  const best = SIZES.map(() => Infinity);
  for (let index = 0; index < ROUNDS; index += 1) {
    SIZES.forEach((size, at) => (best[at] = Math.min(best[at], round(twins.get(size), instance(size), exists))));
  }
  return best;
}

const twins = new Map();
for (const size of SIZES) twins.set(size, await twinWith(size));
// Warm up both, so the first measured is not the one that pays for the JIT.
perRequest((size) => `account-${size - 1}`, true);

console.log(`\nFind by instance, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, fastest of ${ROUNDS} alternating rounds of ${REQUESTS} requests\n`);
console.log('| looked for | µs per request, 10 profiles | µs, 10,000 profiles | ratio |');
console.log('|---|---:|---:|---:|');
let worst = 0;
for (const [label, instance, exists] of [['the newest profile', (size) => `account-${size - 1}`, true], ['an unknown instance', () => 'no-such-account', false]]) {
  const [small, large] = perRequest(instance, exists);
  const ratio = large / small;
  worst = Math.max(worst, ratio);
  console.log(`| ${label} | ${small.toFixed(2)} | ${large.toFixed(2)} | ${ratio.toFixed(2)}x |`);
}
console.log(`\nGoal: no slower at 10,000 than at 10 within noise (ratio at most 1.2x). Worst: ${worst.toFixed(2)}x → ${worst <= 1.2 ? 'met' : 'NOT met'}.`);
