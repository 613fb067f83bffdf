// Resident memory of the mock over a long run of reads, against bare Prism in the same run: is the
// growth after a load a leak, or only the garbage collector waiting? Each server (quiet, so no log
// lines pile up) gets 8 batches of 15,000 list GETs (autocannon, 10 connections; BENCH_BATCHES for
// more) and its VmRSS is read after each. A leak keeps growing; a heap the collector has not yet
// shrunk falls back. The mock runs three ways: with its request journal (on by default, 1,000
// entries), with the requests spread over its 32 sessions (each a twin of its own, and the journal
// on), and with the journal off, the baseline of what the two test-tool features hold.
// Linux only (/proc). Run: npm run bench (after npm run build).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import autocannon from 'autocannon';
import { createRequestExample } from '../dist/index.js';
import { freePort, rssMb, untilAnswering } from './servers.js';

const require = createRequire(import.meta.url);
const MOCK_CLI = join(dirname(require.resolve('@myreports/pbx-mock')), 'cli.js');
const PRISM = require.resolve('@stoplight/prism-cli');
const SPEC = require.resolve('@myreports/pbx-openapi/openapi.yaml');
const BATCHES = Number(process.env.BENCH_BATCHES ?? 8);
const PER_BATCH = 15_000;
/** As many sessions as the mock takes by default, so every one of them holds a twin. */
const SESSIONS = Array.from({ length: 32 }, (_, index) => `bench-${index}`);
const PRISM_LABEL = 'prism mock -v error';

const mock = (...flags) => (port) => [MOCK_CLI, '--port', String(port), '--log-level', 'error', ...flags];
const SERVERS = [
  { label: 'pbx-mock --log-level error (journal on, 1,000 entries)', args: mock() },
  { label: `pbx-mock --log-level error, requests over ${SESSIONS.length} sessions (journal on)`, args: mock(), sessions: true },
  { label: 'pbx-mock --log-level error --journal-size 0 (journal off)', args: mock('--journal-size', '0') },
  { label: PRISM_LABEL, args: (port) => [PRISM, 'mock', SPEC, '--port', String(port), '-v', 'error'] },
];

async function measure(server) {
  const port = await freePort();
  const child = spawn(process.execPath, server.args(port), { stdio: ['ignore', 'ignore', 'inherit'] });
  const { url } = createRequestExample(`http://127.0.0.1:${port}`);
  try {
    await untilAnswering(url, server.label);
    const samples = [Math.round(rssMb(child.pid))];
    let failures = 0;
    for (let batch = 0; batch < BATCHES; batch++) {
      const headers = { authorization: 'Bearer bench' };
      // Each connection walks the sessions in turn, so every session's twin is read all along.
      const requests = server.sessions ? SESSIONS.map((name) => ({ method: 'GET', headers: { ...headers, 'x-mock-session': name } })) : undefined;
      const run = await autocannon({ url, headers, requests, connections: 10, amount: PER_BATCH });
      failures += run.errors + run.timeouts + run.non2xx;
      samples.push(Math.round(rssMb(child.pid)));
      process.stderr.write(`${server.label}: ${(batch + 1) * PER_BATCH} GETs, RSS ${samples.join(', ')} MB\n`);
    }
    return { ...server, samples, failures };
  } finally {
    child.kill();
  }
}

const results = [];
for (const server of SERVERS) results.push(await measure(server));

console.log(`\nResident memory over ${BATCHES * PER_BATCH} list GETs, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}\n`);
console.log(`| server | RSS MB at start, then after each ${PER_BATCH} GETs | peak | last | last / bare Prism's last | errors |`);
console.log('|---|---|---:|---:|---:|---:|');
const prismLast = results.find((result) => result.label === PRISM_LABEL).samples.at(-1);
for (const { label, samples, failures } of results) {
  const last = samples.at(-1);
  console.log(`| ${label} | ${samples.join(', ')} | ${Math.max(...samples)} | ${last} | ${(last / prismLast).toFixed(2)}x | ${failures} |`);
}
process.exitCode = results.every((result) => result.failures === 0) ? 0 : 1;
