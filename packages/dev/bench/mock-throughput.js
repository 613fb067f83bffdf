// Throughput of the mock as `npm start` runs it (the stateful twin) against bare Prism as a user
// would start it (`prism mock <bundled spec>`, default options), on loopback with autocannon: a GET
// of the list, a GET of one profile and a valid POST (the spec's create example: on the twin, a
// real create), at 10 and 50 connections, each pair measured back to back in the same run, then the
// same with logging quieted on both sides. The twin is reset after each slice, so creates never
// reach its cap. The ratio is what counts:
// absolute figures move with whatever else the machine runs. Each cell is measured in several
// rounds spread over the whole run (every cell once per round), and its ratio is the median of
// its rounds: a burst of other work on the machine then spoils one round of a cell, not the cell.
// BENCH_BEFORE=<a built copy's packages/dev/dist/start.js> adds that build as a fifth server,
// quiet, against ours: the before/after ratio of a change, in the same run.
// Run: npm run bench (after npm run build). BENCH_DURATION=3 BENCH_ROUNDS=1 for a quick look.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createRequestExample } from '../dist/index.js';
import { freePort, lowerCaseHeaders, rssMb, untilAnswering } from './servers.js';

const require = createRequire(import.meta.url);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BEFORE = process.env.BENCH_BEFORE;
const CONNECTIONS = [10, 50];
const GOAL = 1.0;
/** Slices per cell and round, alternating which side goes first (A B, B A, …). */
const SLICES = 2;
const LOG_DIR = mkdtempSync(join(os.tmpdir(), 'pbx-mock-bench-'));
const SPEC = require.resolve('@myreports/pbx-openapi/openapi.yaml');
const PRISM = require.resolve('@stoplight/prism-cli');
const MAIN_COMMAND = fileURLToPath(new URL('../dist/start.js', import.meta.url));

/** The four servers: ours as the main command starts it and bare Prism, each default and quiet. */
const SERVERS = [
  { key: 'prism', label: 'bare `prism mock` (default log)', args: (port) => [PRISM, 'mock', SPEC, '--port', String(port)] },
  { key: 'ours', twin: true, label: '`npm start` mock (default log)', args: (port) => [MAIN_COMMAND, '--port', String(port)] },
  { key: 'prismQuiet', label: 'bare `prism mock -v error`', args: (port) => [PRISM, 'mock', SPEC, '--port', String(port), '-v', 'error'] },
  { key: 'oursQuiet', twin: true, label: '`npm start -- --log-level error`', args: (port) => [MAIN_COMMAND, '--port', String(port), '--log-level', 'error'] },
  ...(BEFORE
    ? [{ key: 'beforeQuiet', twin: true, label: 'the build before, quiet', args: (port) => [BEFORE, '--port', String(port), '--log-level', 'error'] }]
    : []),
];
/** Ours first in each pair. */
const PAIRS = [['ours', 'prism'], ['oursQuiet', 'prismQuiet'], ...(BEFORE ? [['oursQuiet', 'beforeQuiet']] : [])];

async function startServer(server) {
  const port = await freePort();
  // Every server's log goes to a file alike (a terminal would be slower for both); kept for a failed run.
  const logFile = join(LOG_DIR, `${server.key}.log`);
  const log = openSync(logFile, 'w');
  const spawned = performance.now();
  const child = spawn(process.execPath, server.args(port), { stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${port}`;
  const request = createRequestExample(url);
  await untilAnswering(request.url, server.label, 20).catch((error) => {
    child.kill();
    throw error;
  });
  return { ...server, url, child, request, logFile, startMs: Math.round(performance.now() - spawned) };
}

/** The profile every example uses, which the twin holds from the start. */
const EXAMPLE_PBX_ID = '9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7';
const KINDS = ['GET list', 'GET one', 'POST'];

async function load(target, kind, connections, duration) {
  const { request } = target;
  const options =
    kind === 'POST'
      ? { url: request.url, method: 'POST', headers: lowerCaseHeaders(request.headers), body: request.body }
      : { url: kind === 'GET one' ? `${request.url}/${EXAMPLE_PBX_ID}` : request.url, headers: { authorization: request.headers.Authorization } };
  const result = await autocannon({ ...options, connections, duration });
  // Back to the seed, outside the measured time (bare Prism has no such path and keeps nothing).
  if (target.twin) await fetch(`${target.url}/__mock/reset`, { method: 'POST', headers: { 'x-mock-control': '1' } });
  return result;
}


/** One table row from the slices of one side: throughput over all slices, mean p50, worst p99. */
function merge(target, kind, connections, results) {
  const statuses = {};
  for (const result of results) {
    for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (statuses[code] ?? 0) + count;
  }
  const sum = (pick) => results.reduce((total, result) => total + pick(result), 0);
  return {
    server: target.label,
    request: kind,
    connections,
    rps: Math.round(sum((result) => result.requests.total) / sum((result) => result.duration) /* seconds */),
    p50: Math.round(sum((result) => result.latency.p50) / results.length),
    p99: Math.max(...results.map((result) => result.latency.p99)),
    errors: sum((result) => result.errors + result.timeouts),
    non2xx: sum((result) => result.non2xx),
    statuses: Object.entries(statuses)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, count]) => `${count}×${code}`)
      .join(' '),
  };
}

const servers = {};
const CELLS = KINDS.flatMap((kind) => CONNECTIONS.flatMap((connections) => PAIRS.map((pair) => ({ kind, connections, pair, slices: {}, rounds: [] }))));
const rows = [];
const ratios = [];
try {
  // Started inside the try, so a server that does not come up does not leave the others running.
  for (const server of SERVERS) servers[server.key] = await startServer(server);
  for (const server of Object.values(servers)) for (const kind of KINDS) await load(server, kind, 10, 1); // warm-up
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const cell of CELLS) {
      // Each side's share of the round is measured as interleaved slices (A B, B A), so a change in
      // what else the machine runs hits both sides alike.
      const slices = Object.fromEntries(cell.pair.map((key) => [key, []]));
      for (let slice = 0; slice < SLICES; slice += 1) {
        for (const key of slice % 2 === 0 ? cell.pair : [...cell.pair].reverse()) {
          slices[key].push(await load(servers[key], cell.kind, cell.connections, DURATION / ROUNDS / SLICES));
        }
      }
      const [ours, other] = cell.pair.map((key) => merge(servers[key], cell.kind, cell.connections, slices[key]));
      cell.rounds.push(ours.rps / other.rps);
      for (const key of cell.pair) (cell.slices[key] ??= []).push(...slices[key]);
      process.stderr.write(`round ${round + 1}, ${cell.kind} c=${cell.connections}: ${ours.server} ${ours.rps} req/s, ${other.server} ${other.rps} req/s\n`);
    }
  }
  for (const { kind, connections, pair, slices, rounds } of CELLS) {
    const [ours, other] = pair.map((key) => merge(servers[key], kind, connections, slices[key]));
    rows.push(ours, other);
    const sorted = [...rounds].sort((a, b) => a - b);
    ratios.push({ pair: `${ours.server} / ${other.server}`, kind, connections, ratio: sorted[Math.floor(sorted.length / 2)], low: sorted[0], high: sorted.at(-1) });
  }
  // Resident memory after the load, of the whole process (Linux /proc).
  for (const server of Object.values(servers)) server.rssMb = Math.round(rssMb(server.child.pid));
} finally {
  for (const server of Object.values(servers)) server.child.kill('SIGINT');
}

console.log(
  `\nMock throughput, ${DURATION} s per server and case in ${ROUNDS} rounds of ${SLICES} interleaved slices, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}\n`,
);
console.log('| server | request | connections | req/s | p50 ms | p99 ms | errors | non-2xx |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.server} | ${r.request} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx}${r.statuses ? ` (${r.statuses})` : ''} |`);
console.log('\n| ratio (throughput) | request | connections | ratio (median of rounds) | rounds from-to |');
console.log('|---|---|---:|---:|---:|');
for (const r of ratios) console.log(`| ${r.pair} | ${r.kind} | ${r.connections} | ${r.ratio.toFixed(2)}x | ${r.low.toFixed(2)}-${r.high.toFixed(2)} |`);

console.log('\n| server | spawn to first answer ms | RSS after the load MB |');
console.log('|---|---:|---:|');
for (const server of Object.values(servers)) console.log(`| ${server.label} | ${server.startMs} | ${server.rssMb} |`);
console.log(`\nUptime and load: ${os.loadavg().map((value) => value.toFixed(2)).join(', ')} (1, 5, 15 min)`);
const main = ratios.filter((r) => r.pair === `${servers.oursQuiet.label} / ${servers.prismQuiet.label}`);
const worst = Math.min(...main.map((r) => r.ratio));
const ourRows = rows.filter((r) => r.server === servers.ours.label || r.server === servers.oursQuiet.label);
const wrong = ourRows.filter((r) => r.non2xx > 0);
const failed = rows.filter((r) => r.errors > 0);
console.log(`\nGoal: npm start mock ≥ ${GOAL}x bare Prism, both quiet. Lowest ratio: ${worst.toFixed(2)}x → ${worst >= GOAL ? 'met' : 'NOT met'}.`);
if (BEFORE) {
  const against = ratios.filter((r) => r.pair.endsWith(servers.beforeQuiet.label)).map((r) => r.ratio);
  console.log(`Against the build before (quiet): ${Math.min(...against).toFixed(2)}x-${Math.max(...against).toFixed(2)}x.`);
}
console.log(`Unexpected statuses from the mock: ${wrong.length === 0 ? 'none' : wrong.map((r) => `${r.server} ${r.request} c=${r.connections}`).join(', ')}.`);
console.log(`Connection errors or timeouts: ${failed.length === 0 ? 'none' : failed.map((r) => `${r.server} ${r.request} c=${r.connections} (${r.errors})`).join(', ')}.`);
for (const key of new Set(wrong.map((r) => (r.server === servers.ours.label ? 'ours' : 'oursQuiet')))) {
  const lines = readFileSync(servers[key].logFile, 'utf8').split('\n').filter((line) => / → 5\d\d /.test(line));
  console.log(`\n${servers[key].label}: ${lines.length} failed requests in its log, e.g.:\n${lines.slice(0, 3).join('\n')}`);
}
rmSync(LOG_DIR, { recursive: true, force: true });
// Throughput and timeouts depend on the machine and are reported; a wrong status from the mock is a bug and fails the run.
process.exitCode = wrong.length === 0 ? 0 : 1;
