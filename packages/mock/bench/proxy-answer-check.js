// The proxy's check of a list answer whose every item breaks the schema (a bad id), beside the
// same list with good ids, at 900 and 3,600 items: the bad list's time must grow with its items
// (4x the items, about 4x the time), not with their square. Ajv's own error append copied every error
// found so far at each item, so the bad list grew with the square: 4,000 bad items took 2.7 s.
// Real proxy, real HTTP, a local upstream answering from memory; the log is dropped, not printed.
// Run: npm run bench (after npm run build). `node bench/proxy-answer-check.js <mock module>` measures another build.
import { createServer } from 'node:http';
import { once } from 'node:events';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { loadContract } from '@myreports/pbx-contract';

const mockModule = process.argv[2] ? pathToFileURL(resolve(process.argv[2])).href : new URL('../dist/index.js', import.meta.url).href;
const { startProxy } = await import(mockModule);
// 3,600 items of 5 values stay under the check's 20,000-value bound, past which it stops at the first problem.
const SIZES = [900, 3_600];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const GUID = '9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7';
const PATH = `/v1.0/accounts/${GUID}/customers/${GUID}/pbxs`;

// The spec's example page, its first item repeated with ids of our own.
const example = loadContract().operation('listPbxConnectionProfiles').responses['200']['application/json'].examples[0].value;
const page = (size, id) => JSON.stringify({ ...example, page_size: size, data: Array.from({ length: size }, (_, index) => ({ ...example.data[0], id: id(index) })) });
const bodies = new Map();
for (const size of SIZES) {
  bodies.set(`good ${size}`, page(size, (index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`));
  bodies.set(`bad ${size}`, page(size, (index) => `not-a-guid-${index}`));
}

// The upstream answers the body the path's query names.
const upstream = createServer((req, res) => {
  const body = bodies.get(new URL(req.url, 'http://upstream').searchParams.get('answer'));
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}).listen(0, '127.0.0.1');
await once(upstream, 'listening');
const proxy = await startProxy({ upstream: `http://127.0.0.1:${upstream.address().port}`, port: 0, logLevel: 'warn', log: () => {} });

/** Milliseconds for one answer through the proxy. */
async function timeOne(answer) {
  const start = process.hrtime.bigint();
  const response = await fetch(`${proxy.url}${PATH}?answer=${encodeURIComponent(answer)}`, { headers: { authorization: 'Bearer any' } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${answer}: ${response.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// The fastest of the rounds for each answer; the answers alternate, so load hits them alike.
const best = new Map([...bodies.keys()].map((key) => [key, Infinity]));
await timeOne(`good ${SIZES[0]}`);
for (let round = 0; round < ROUNDS; round += 1) {
  for (const key of bodies.keys()) best.set(key, Math.min(best.get(key), await timeOne(key)));
}
await proxy.stop();
upstream.close();

const [small, large] = SIZES;
const growth = (kind) => best.get(`${kind} ${large}`) / best.get(`${kind} ${small}`);
console.log(`\nProxy, check of a list answer, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, fastest of ${ROUNDS} alternating rounds\n`);
console.log(`| items | ms, good ids | ms, every id bad | ratio bad / good |`);
console.log('|---:|---:|---:|---:|');
for (const size of SIZES) {
  const good = best.get(`good ${size}`);
  const bad = best.get(`bad ${size}`);
  console.log(`| ${size.toLocaleString('en')} | ${good.toFixed(1)} | ${bad.toFixed(1)} | ${(bad / good).toFixed(2)}x |`);
}
const factor = large / small;
console.log(`\n${factor}x the items: good ids ${growth('good').toFixed(2)}x the time, bad ids ${growth('bad').toFixed(2)}x.`);
// Linear is not exactly 4x here: a list of 900 items' errors fit the processor's caches, 3,600's do
// not (the check alone measured 1.3 µs an item at 900, about 5 µs from 3,600 to 14,400 items).
const goal = 2.5 * factor;
console.log(`Goal: the bad list's time grows with its items, not with their square (${factor * factor}x): at most ${goal}x. ${growth('bad').toFixed(2)}x → ${growth('bad') <= goal ? 'met' : 'NOT met'}.`);
