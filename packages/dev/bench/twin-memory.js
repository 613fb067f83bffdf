// Resident memory of the mock's twin after 10,000 creates, against the same twin empty, in one run:
// the mock's own CLI (`pbx-mock --empty`, quiet), warmed up by creates and reads and reset, then
// measured before and after 10,000 creates of the spec's create example (autocannon, 10 connections).
// Goal: at most 50 MB more. Linux only (/proc). Run: npm run bench (after npm run build).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import autocannon from 'autocannon';
import { createRequestExample } from '../dist/index.js';
import { freePort, lowerCaseHeaders, rssMb, untilAnswering } from './servers.js';

const require = createRequire(import.meta.url);
const CLI = join(dirname(require.resolve('@myreports/pbx-mock')), 'cli.js');
const CREATES = 10_000;
const GOAL_MB = 50;

const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

const port = await freePort();
const child = spawn(process.execPath, [CLI, '--port', String(port), '--log-level', 'error', '--empty', '--max-profiles', String(CREATES * 2)], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
const url = `http://127.0.0.1:${port}`;
const request = createRequestExample(url);
const headers = lowerCaseHeaders(request.headers);
const create = (amount) => autocannon({ url: request.url, method: 'POST', headers, body: request.body, connections: 10, amount });
const list = async () => ((await (await fetch(request.url, { headers: { authorization: 'Bearer bench' } })).json()).page_size);

try {
  await untilAnswering(request.url, 'the mock');
  // Warm up (JIT, pools, buffers), then back to empty.
  const warm = await create(2_000);
  await autocannon({ url: request.url, headers: { authorization: 'Bearer bench' }, connections: 10, amount: 2_000 });
  await fetch(`${url}/__mock/reset`, { method: 'POST', headers: { 'x-mock-control': '1' } });
  await settle();
  const empty = rssMb(child.pid);
  const run = await create(CREATES);
  await settle();
  const full = rssMb(child.pid);
  const stored = await list();
  const errors = warm.errors + warm.non2xx + run.errors + run.timeouts + run.non2xx;

  console.log(`\nTwin memory, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}\n`);
  console.log('| twin (`pbx-mock --empty --log-level error`) | profiles | RSS MB |');
  console.log('|---|---:|---:|');
  console.log(`| empty, after warm-up and reset | 0 | ${empty.toFixed(1)} |`);
  console.log(`| after ${CREATES} creates | ${stored} | ${full.toFixed(1)} |`);
  const growth = full - empty;
  console.log(`\nGoal: at most +${GOAL_MB} MB. Growth: +${growth.toFixed(1)} MB → ${growth <= GOAL_MB ? 'met' : 'NOT met'}. Errors or non-2xx: ${errors}.`);
  process.exitCode = stored === CREATES && errors === 0 ? 0 : 1;
} finally {
  child.kill('SIGINT');
}
