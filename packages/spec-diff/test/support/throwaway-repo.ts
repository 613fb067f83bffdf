// A throwaway git repository holding a copy of spec/ and redocly.yaml, committed as the base, in
// which a test edits the working tree and runs one of this package's CLIs for real (git archive +
// Redocly bundle on both sides).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hangGuard } from '../../../../vitest.shared.js';

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = resolve(here, '../../../..');
// The CLI runs in the throwaway repository, so the TypeScript loader is named by absolute URL.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * The hang guard of one child process (git, a CLI), killed past it. The guard is per child, not per
 * test (vitest.config.ts): a test that runs the CLI twice takes twice as long, and only this one
 * stops a hung child, which blocks the test in spawnSync.
 */
const guarded = { timeout: hangGuard.testTimeout, killSignal: 'SIGKILL' } as const;
const hung = (what: string, error: Error | undefined): void => {
  if (error) throw new Error(`${what}: ${(error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `still running after ${hangGuard.testTimeout / 1000} s, stopped` : error.message}`);
};

export interface ThrowawayRepo {
  /** Runs `src/<cli>` in the repository; `SPEC_BREAKING_CHANGE_ACCEPTED` is cleared unless given. */
  run(cli: string, args: string[], env?: Record<string, string>): { code: number | null; out: string; err: string };
  edit(file: string, change: (text: string) => string): void;
  addChangeset(name: string, text: string): void;
  /** Commits the working tree, which becomes the base of the next change (`HEAD`). */
  commit(): void;
  remove(): void;
}

export function throwawayRepo(): ThrowawayRepo {
  const repo = mkdtempSync(join(tmpdir(), 'spec-diff-repo-'));
  const git = (...args: string[]): void => {
    const result = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo, encoding: 'utf8', ...guarded });
    hung(`git ${args.join(' ')}`, result.error);
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  };
  cpSync(join(repositoryRoot, 'spec'), join(repo, 'spec'), {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist)$/.test(source),
  });
  cpSync(join(repositoryRoot, 'redocly.yaml'), join(repo, 'redocly.yaml'));
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  return {
    run(cli, args, env = {}) {
      const result = spawnSync(process.execPath, ['--import', tsx, resolve(here, '../../src', cli), ...args], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, SPEC_BREAKING_CHANGE_ACCEPTED: '', ...env },
        ...guarded,
      });
      hung(`${cli} ${args.join(' ')}`, result.error);
      return { code: result.status, out: result.stdout, err: result.stderr };
    },
    edit(file, change) {
      const path = join(repo, file);
      writeFileSync(path, change(readFileSync(path, 'utf8')));
    },
    addChangeset(name, text) {
      mkdirSync(join(repo, '.changeset'), { recursive: true });
      writeFileSync(join(repo, '.changeset', name), text);
    },
    commit() {
      git('add', '.');
      git('commit', '-q', '-m', 'earlier change');
    },
    remove: () => rmSync(repo, { recursive: true, force: true }),
  };
}
