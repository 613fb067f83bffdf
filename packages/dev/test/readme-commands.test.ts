// Every command the READMEs tell a user to run works as written at the root of a clone after the
// two commands: npm scripts exist at the root, `npx` names resolve to this repository's own linked
// commands (never a registry lookup), and the ones that answer by themselves are run.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { watchOutput } from '@myreports/pbx-fixtures';
import { startMock } from '@myreports/pbx-mock';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const run = promisify(execFile);
const rootScripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

/** Each command line of the shell blocks of every README the repository tracks, with its file. */
function readmeCommands(): { file: string; command: string }[] {
  const files = execFileSync('git', ['ls-files', 'README.md', '**/README.md'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  return files.flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)].flatMap(([, block]) =>
      block!
        .split('\n')
        .map((line) => line.replace(/\s+#.*$/, '').trim())
        .filter((line) => line !== '' && !line.startsWith('#'))
        .flatMap((line) => line.split('&&').map((command) => ({ file, command: command.trim() }))),
    ),
  );
}

const commands = readmeCommands();
const npmBuiltIns = new Set(['ci', 'test', 'start', 'install']);

describe('the commands of the READMEs', () => {
  it('include the two commands and the proxy', () => {
    expect(commands.map(({ command }) => command)).toEqual(expect.arrayContaining(['npm ci', 'npm start', 'npm test']));
    expect(commands.some(({ command }) => command.startsWith('npx pbx-mock proxy '))).toBe(true);
  });

  it.each(commands)('$file: `$command` names something that exists here', ({ command }) => {
    const [tool, sub, name] = command.split(/\s+/);
    if (tool === 'npm' && sub === 'run') expect(rootScripts).toContain(name);
    else if (tool === 'npm') expect(npmBuiltIns).toContain(sub);
    else if (tool === 'npx') {
      // A command of this repository, linked by npm ci: npx never has to ask the registry.
      const linked = join(root, 'node_modules', '.bin', sub!);
      expect(existsSync(linked), `${sub} is not linked in node_modules/.bin`).toBe(true);
      expect(realpathSync(linked).startsWith(join(root, 'packages'))).toBe(true);
    } else if (tool === 'curl') {
      // A request to the mock `npm start` serves; the test below sends it.
      expect(command).toMatch(/'?http:\/\/127\.0\.0\.1:4010\//);
    } else throw new Error(`A README command this test does not know how to check: ${command}`);
  });

  it('the curl lines, sent to a mock, get an answer in the envelope (or, for Prefer: fault=reset, none)', async () => {
    const curls = commands.filter(({ command }) => command.startsWith('curl '));
    expect(curls.length).toBeGreaterThan(0);
    const mock = await startMock({ port: 0, logLevel: 'silent' });
    try {
      for (const { file, command } of curls) {
        const sent = run('sh', ['-c', command.replaceAll('http://127.0.0.1:4010', mock.url)], { cwd: root });
        if (command.includes('fault=reset')) {
          await expect(sent, `${file}: ${command}`).rejects.toMatchObject({ code: expect.any(Number) });
          continue;
        }
        const { stdout } = await sent;
        expect(JSON.parse(stdout), `${file}: ${command}`).toMatchObject({ status: expect.stringMatching(/^(success|error)$/) });
      }
    } finally {
      await mock.stop();
    }
  });

  it('`npm start -- --help` answers with the options, without building', async () => {
    const { stdout } = await run('npm', ['start', '--silent', '--', '--help'], { cwd: root });
    expect(stdout).toContain('npm start -- [options]');
    expect(stdout).toContain('--port');
    expect(stdout).not.toContain('turbo');
  });

  it('`npx pbx-mock --help` answers from the linked command', async () => {
    const { stdout } = await run('npx', ['--no-install', 'pbx-mock', '--help'], { cwd: root });
    expect(stdout).toContain('pbx-mock proxy <upstream>');
  });

  it('the README\'s proxy command starts the validation proxy (local upstream, free port)', async () => {
    const upstream = createServer((_request, response) => response.end());
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    const proxyCommand = commands.find(({ command }) => command.startsWith('npx pbx-mock proxy '))!.command;
    const args = proxyCommand
      .split(/\s+/)
      .slice(1)
      .map((arg) => (arg.startsWith('https://') ? `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` : arg === '4010' ? '0' : arg));
    // Its own process group, so that stopping it reaches the mock under npx too.
    const child = spawn('npx', ['--no-install', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const output = watchOutput(child);
    try {
      await output.until(/Validation proxy on http:\/\/127\.0\.0\.1:\d+/);
    } finally {
      const exited = once(child, 'exit');
      process.kill(-child.pid!, 'SIGINT');
      await exited;
      upstream.close();
    }
  });
});
