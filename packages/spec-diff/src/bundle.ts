// Bundles the spec the way `npm run build` does (Redocly CLI, the repository's redocly.yaml), once
// from a git ref and once from the working tree, into JSON documents to compare.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BundleError, resolveRef } from './git.js';

const require = createRequire(import.meta.url);

/** What both bundles are made of: the spec folder and the lint/bundle configuration beside it. */
const SPEC_PATHS = ['spec', 'redocly.yaml'];
const SPEC_ROOT = 'spec/openapi.yaml';

export type OpenApi = Record<string, unknown>;

/** Bundles `spec/` as it is at `ref` (a branch, tag or commit), without touching the working tree. */
export function bundleAtRef(ref: string, root: string): OpenApi {
  const commit = resolveRef(ref, root);
  const dir = mkdtempSync(join(tmpdir(), 'spec-at-ref-'));
  try {
    const present = SPEC_PATHS.filter((path) => existsAtCommit(commit, path, root));
    if (!present.includes('spec')) throw new BundleError(`There is no spec/ folder at ${ref} (${commit.slice(0, 12)}).`);
    const archive = spawnSync('git', ['archive', '--format=tar', commit, '--', ...present], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
    if (archive.status !== 0) throw new BundleError(`git archive ${ref} failed: ${archive.stderr.toString().trim()}`);
    execFileSync('tar', ['-x', '-C', dir], { input: archive.stdout });
    return bundle(dir, `the spec at ${ref}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bundles `spec/` as it is in the working tree, uncommitted edits included. */
export function bundleWorkingTree(root: string): OpenApi {
  return bundle(root, 'the spec in the working tree');
}

function bundle(dir: string, what: string): OpenApi {
  const out = mkdtempSync(join(tmpdir(), 'spec-bundle-'));
  try {
    const file = join(out, 'openapi.json');
    // Redocly reads redocly.yaml from its working directory only, so run it in `dir`.
    const result = spawnSync(process.execPath, [redoclyCli(), 'bundle', SPEC_ROOT, '--ext', 'json', '-o', file], {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', DO_NOT_TRACK: '1', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    if (result.status !== 0 || !existsSync(file)) {
      throw new BundleError(`Redocly could not bundle ${what}:\n${(result.stderr || result.stdout).trim()}`);
    }
    return JSON.parse(readFileSync(file, 'utf8')) as OpenApi;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function redoclyCli(): string {
  const manifest = require.resolve('@redocly/cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return join(manifest, '..', bin['redocly'] ?? Object.values(bin)[0]!);
}

function existsAtCommit(commit: string, path: string, root: string): boolean {
  return spawnSync('git', ['cat-file', '-e', `${commit}:${path}`], { cwd: root }).status === 0;
}
