import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { kazooCreate, watchOutput } from '@myreports/pbx-fixtures';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PATHS, WRITE_HEADERS, call } from '../support/mock-client.js';

// The state file as a user runs it: the real command, real HTTP, real `kill -9`.
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const SECRET = 'apiKey-in-clear-1234567890';

let folder: string;
const children = new Set<ChildProcess>();
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pbx-state-'));
});
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  await rm(folder, { recursive: true, force: true });
});

/** The mock command on `stateFile`; resolves once it listens (url), or once it exits (code, output). */
async function startCli(stateFile: string, args: string[] = []) {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--log-level', 'error', '--empty', '--state-file', stateFile, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const output = watchOutput(child);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const started = await output.until(/on http:\/\/\S+ \(|\n$/).catch(() => '');
  const url = /http:\/\/[\d.:]+/.exec(started)?.[0];
  if (url === undefined) await exited;
  return { child, output, url, exited, code: child.exitCode };
}

/** Creates as fast as `workers` parallel clients can, until stopped; the ids of the 201s. */
function createStream(url: string, body: () => unknown, workers = 8) {
  const acknowledged: string[] = [];
  let running = true;
  const waiters: (() => void)[] = [];
  const work = async () => {
    while (running) {
      const answer = await call(url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: body() }).catch(() => undefined);
      if (answer?.status !== 201) continue;
      acknowledged.push(answer.json.data.id);
      waiters.forEach((wake) => wake());
    }
  };
  const done = Promise.all(Array.from({ length: workers }, work));
  return {
    acknowledged,
    /** Resolves once at least `count` creates are acknowledged. */
    atLeast: (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => acknowledged.length >= count && resolve();
        waiters.push(check);
        check();
      }),
    stop: async () => {
      running = false;
      await done;
    },
  };
}

async function savedIds(stateFile: string): Promise<Set<string>> {
  const saved = JSON.parse(await readFile(stateFile, 'utf8')) as { collections: Record<string, { id: string }[]> };
  return new Set(saved.collections['pbx-connection-profiles']!.map((profile) => profile.id));
}

describe('state file under kill -9', () => {
  it('keeps every acknowledged create, kill after kill, and leaves no temporary file', async () => {
    const state = join(folder, 'state.json');
    const acknowledged: string[] = [];
    const leftovers: string[] = [];
    const rounds = [
      { after: 40, body: () => kazooCreate() },
      { after: 40, body: () => ({ ...kazooCreate(), apiKey: 'k'.repeat(100_000) }) },
      { after: 80, body: () => kazooCreate() },
    ];
    for (const { after, body } of rounds) {
      const mock = await startCli(state);
      // A kill during a rewrite may leave a temporary file; the next start removes it before it listens.
      leftovers.push(...(await readdir(folder)).filter((name) => name.endsWith('.tmp')));
      const stream = createStream(mock.url!, body);
      await stream.atLeast(after);
      // Mid-stream: requests are in flight, some acknowledged, some not yet.
      mock.child.kill('SIGKILL');
      await mock.exited;
      await stream.stop();
      acknowledged.push(...stream.acknowledged);
    }
    // The next start writes the state file whole (journal replayed) before it listens.
    const last = await startCli(state);
    leftovers.push(...(await readdir(folder)).filter((name) => name.endsWith('.tmp')));
    const saved = await savedIds(state);
    expect(acknowledged.filter((id) => !saved.has(id))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(160);
    expect(leftovers).toEqual([]);
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);
    expect(await readdir(folder)).toEqual(['state.json']);
  });

  it('removes at start the temporary files a crash left, which hold secrets in clear', async () => {
    const state = join(folder, 'state.json');
    const leftover = join(folder, '.state.json.0123456789ab.tmp');
    await writeFile(leftover, JSON.stringify({ apiKey: SECRET }));
    const unrelated = join(folder, '.other.json.0123456789ab.tmp');
    await writeFile(unrelated, '{}');
    const mock = await startCli(state);
    expect(mock.url).toBeDefined();
    expect(await readdir(folder)).not.toContain('.state.json.0123456789ab.tmp');
    expect(await readdir(folder)).toContain('.other.json.0123456789ab.tmp');
  });

  it('creates its files readable by their owner only (0600): they hold secrets', async () => {
    const state = join(folder, 'state.json');
    const mock = await startCli(state);
    expect((await call(mock.url!, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: { ...kazooCreate(), apiKey: SECRET } })).status).toBe(201);
    for (const name of ['state.json', 'state.json.journal', 'state.json.lock']) expect(((await stat(join(folder, name))).mode & 0o777).toString(8)).toBe('600');
    expect(await readFile(join(folder, 'state.json.journal'), 'utf8')).toContain(SECRET);
    mock.child.kill('SIGTERM');
    await mock.exited;
    expect(((await stat(state)).mode & 0o777).toString(8)).toBe('600');
  });

  it('refuses a second mock on the same file, naming the file and the first one', async () => {
    const state = join(folder, 'state.json');
    const first = await startCli(state);
    const second = await startCli(state);
    expect(second.url).toBeUndefined();
    expect(await second.exited).toBe(1);
    expect(second.output.text()).toContain(`State file ${state} is in use by another mock (the process ${first.child.pid}`);
    expect(second.output.text()).not.toMatch(/\n\s+at /);
    // The first still answers, and once it is killed the lock is stale: a new mock takes the file.
    expect((await call(first.url!, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: kazooCreate() })).status).toBe(201);
    first.child.kill('SIGKILL');
    await first.exited;
    expect((await startCli(state)).url).toBeDefined();
  });

  it('refuses a FIFO with a message instead of waiting for a writer forever', async () => {
    const fifo = join(folder, 'state.fifo');
    await promisify(execFile)('mkfifo', [fifo]);
    const mock = await startCli(fifo);
    expect(await mock.exited).toBe(1);
    expect(mock.output.text()).toContain(`State file ${fifo} is a FIFO (named pipe), not a regular file`);
  });
});
