// Resident memory of the mock over a long run of reads, against bare Prism in the same run: is the
// growth after a load a leak, or only the garbage collector waiting? Each server (quiet, so no log
// lines pile up) gets 8 batches of 15,000 list GETs (autocannon, 10 connections) and its VmRSS is
// read after each. A leak keeps growing; a heap the collector has not yet shrunk falls back.
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
const BATCHES = 8;
const PER_BATCH = 15_000;

const SERVERS = [
  { label: 'pbx-mock --log-level error', args: (port) => [MOCK_CLI, '--port', String(port), '--log-level', 'error'] },
  { label: 'prism mock -v error', args: (port) => [PRISM, 'mock', SPEC, '--port', String(port), '-v', 'error'] },
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
      const run = await autocannon({ url, headers: { authorization: 'Bearer bench' }, connections: 10, amount: PER_BATCH });
      failures += run.errors + run.timeouts + run.non2xx;
      samples.push(Math.round(rssMb(child.pid)));
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
const prismLast = results[1].samples.at(-1);
for (const { label, samples, failures } of results) {
  const last = samples.at(-1);
  console.log(`| ${label} | ${samples.join(', ')} | ${Math.max(...samples)} | ${last} | ${(last / prismLast).toFixed(2)}x | ${failures} |`);
}
process.exitCode = results.every((result) => result.failures === 0) ? 0 : 1;
