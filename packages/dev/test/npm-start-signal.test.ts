// `npm start` as a process manager or `kill` sends it: SIGTERM to the npm process itself. npm passes
// the signal on to the script's process only; a shell between them would die and leave the stack
// running, re-parented and still listening.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { watchOutput } from '@myreports/pbx-fixtures';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const START = fileURLToPath(new URL('../dist/start.js', import.meta.url));
const LAUNCHER = 'packages/dev/bin/start.js';
const startScript = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;

/** Live processes below `pid` (Linux /proc), children first found first. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') parents.set(Number(entry), Number(ppid));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0; ) {
    const parent = queue.shift()!;
    for (const [child, ppid] of parents) if (ppid === parent) found.push(child), queue.push(child);
  }
  return found;
}

const alive = (pid: number): boolean => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

/** True while something accepts TCP connections at `url` (on loopback a refusal comes at once). */
const listening = (url: string): Promise<boolean> =>
  new Promise((done) => {
    const socket = connect(Number(new URL(url).port), new URL(url).hostname);
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });

let project: string | undefined;
afterAll(() => project && rm(project, { recursive: true, force: true }));

describe('npm start', () => {
  it('stops everything on a SIGTERM to npm: nothing listens, no process it started remains', async () => {
    // The root's start script as npm runs it, with the built stack in place of the launcher (which
    // builds first: a second build inside the test run would rewrite what other suites read).
    expect(startScript).toContain(LAUNCHER);
    project = await mkdtemp(join(tmpdir(), 'pbx-npm-start-'));
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'npm-start-signal', private: true, scripts: { start: startScript.replace(LAUNCHER, START) } }));
    const npm = spawn('npm', ['start', '--silent', '--', '--port', '0'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = watchOutput(npm);
    await output.until('Ctrl-C stops everything.');
    const urls = [...output.text().matchAll(/(?:Mock API|Reference docs)\s+(http:\/\/127\.0\.0\.1:\d+)/g)].map(([, url]) => url!);
    expect(urls).toHaveLength(2);
    const started = descendants(npm.pid!);
    expect(started.length).toBeGreaterThan(0);
    try {
      const exited = once(npm, 'exit');
      npm.kill('SIGTERM');
      await exited;
      expect(await Promise.all(urls.map(listening))).toEqual([false, false]);
      expect(started.filter(alive)).toEqual([]);
    } finally {
      // What a failure left behind would otherwise outlive the test run.
      for (const pid of started.filter(alive)) process.kill(pid, 'SIGKILL');
    }
  });
});
