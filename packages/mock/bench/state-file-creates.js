// Creates per second with --state-file: the real command, real HTTP, each create a real POST of a
// Kazoo profile, by 1, 10 and 50 clients at once (each sends its next create when its last
// is answered). Every create is answered only once it is synced to disk, so one client measures a
// sync's latency, and many show what group commit wins back (those that arrive during a sync share
// the next). The memory-only twin (no state file) is measured alongside, as the ceiling.
// BENCH_BEFORE=<another build's packages/mock/dist/cli.js> adds that build, with a state file: the
// before/after of a change, in the same run. Each cell is measured once per round, the contenders
// in turn (order alternating), and the figure is the median of its rounds: a burst of other work on
// the machine spoils one round of a cell, not the cell. The twin is reset after each slice. Each
// table is measured twice: from an empty twin, and with 5,000 profiles held (a state file of about
// 2 MB, which a build that rewrites the whole file per change pays for on every write).
// Run: npm run bench (after npm run build). BENCH_DURATION=2 BENCH_ROUNDS=1 for a quick look; BENCH_HELD=5000
// for one table only.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BEFORE = process.env.BENCH_BEFORE;
const CLIENTS = [1, 10, 50];
const HELD = (process.env.BENCH_HELD ?? '0,5000').split(',').map(Number);
const OURS = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const FOLDER = mkdtempSync(join(os.tmpdir(), 'pbx-mock-bench-state-'));
const PROFILES = '/v1.0/accounts/6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f/customers/2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f/pbxs';
const HEADERS = { authorization: 'Bearer bench', 'accept-charges': 'true', 'content-type': 'application/json' };
const BODY = JSON.stringify({ _type: 'KazooPbxConnectionProfile', name: 'Bench', hostRest: 'https://kazoo.example.com:8443', hostWebsocket: 'wss://kazoo.example.com:5443', accountId: 'bench-account', apiKey: 'key' });

const CONTENDERS = [
  { key: 'after', label: 'this build, `--state-file`', cli: OURS, stateFile: true },
  ...(BEFORE ? [{ key: 'before', label: 'the build before, `--state-file`', cli: BEFORE, stateFile: true }] : []),
  { key: 'memory', label: 'this build, no state file (memory only)', cli: OURS, stateFile: false },
];

/** Starts the mock command from `seed` (a file, or none: empty); resolves with its URL once it prints it. */
function start(contender, seed) {
  const args = [contender.cli, '--port', '0', '--log-level', 'error', '--max-profiles', '1000000', ...(seed ? ['--seed-file', seed] : ['--empty'])];
  if (contender.stateFile) args.push('--state-file', join(FOLDER, `${contender.key}-${randomUUID()}.json`));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const url = /http:\/\/[\d.:]+/.exec(text)?.[0];
      if (url) resolve({ ...contender, child, url });
    });
    child.once('exit', (code) => reject(new Error(`${contender.label} exited (${code}) before listening: ${text}`)));
  });
}

/** Creates per second by `clients` clients for DURATION seconds; throws on any answer but 201. */
async function slice(server, clients) {
  const until = performance.now() + DURATION * 1000;
  let created = 0;
  const client = async () => {
    while (performance.now() < until) {
      const response = await fetch(server.url + PROFILES, { method: 'POST', headers: HEADERS, body: BODY });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`${server.label}: a create answered ${response.status}`);
      created += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const perSecond = created / ((performance.now() - started) / 1000);
  // Back to empty, outside the measured time.
  await (await fetch(`${server.url}/__mock/reset`, { method: 'POST' })).arrayBuffer();
  return perSecond;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A seed file of `count` profiles shaped like the one a create gives. */
async function seedFile(count) {
  if (count === 0) return undefined;
  const server = await start(CONTENDERS.at(-1));
  const created = await (await fetch(server.url + PROFILES, { method: 'POST', headers: HEADERS, body: BODY })).json();
  await stop([server]);
  const file = join(FOLDER, `seed-${count}.json`);
  writeFileSync(file, JSON.stringify({ profiles: Array.from({ length: count }, (_, index) => ({ ...created.data, id: randomUUID(), name: `Held ${index}` })) }));
  return file;
}

async function stop(servers) {
  for (const server of servers) server.child.kill('SIGTERM');
  await Promise.all(servers.map((server) => (server.child.exitCode === null ? new Promise((resolve) => server.child.once('exit', resolve)) : undefined)));
}

async function table(held) {
  const seed = await seedFile(held);
  const servers = [];
  try {
    for (const contender of CONTENDERS) servers.push(await start(contender, seed));
    const results = new Map(servers.map((server) => [server.key, new Map(CLIENTS.map((clients) => [clients, []]))]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const clients of CLIENTS) {
        const order = round % 2 === 0 ? servers : [...servers].reverse();
        for (const server of order) results.get(server.key).get(clients).push(await slice(server, clients));
      }
    }
    console.log(`\nCreates per second, ${held.toLocaleString('en')} profiles held, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, median of ${ROUNDS} rounds of ${DURATION} s\n`);
    console.log(`| contender | ${CLIENTS.map((clients) => `${clients} client${clients > 1 ? 's' : ''}`).join(' | ')} |`);
    console.log(`|---|${CLIENTS.map(() => '---:').join('|')}|`);
    for (const server of servers) {
      console.log(`| ${server.label} | ${CLIENTS.map((clients) => Math.round(median(results.get(server.key).get(clients))).toLocaleString('en')).join(' | ')} |`);
    }
    if (BEFORE) {
      const ratios = CLIENTS.map((clients) => median(results.get('after').get(clients)) / median(results.get('before').get(clients)));
      console.log(`| after / before | ${ratios.map((ratio) => `${ratio.toFixed(2)}x`).join(' | ')} |`);
    }
  } finally {
    await stop(servers);
  }
}

try {
  for (const held of HELD) await table(held);
} finally {
  rmSync(FOLDER, { recursive: true, force: true });
}
