// The few git questions both commands ask about the working tree and a base ref.
import { execFileSync } from 'node:child_process';

export class BundleError extends Error {}

export function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The repository's top level (where `spec/` lives), found from a folder inside it. */
export function repositoryRoot(from: string = process.cwd()): string {
  return git(['rev-parse', '--show-toplevel'], from).trim();
}

export function resolveRef(ref: string, root: string): string {
  try {
    return git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root).trim();
  } catch {
    throw new BundleError(`Unknown git ref "${ref}". Fetch it first (in CI: actions/checkout with fetch-depth: 0).`);
  }
}

/**
 * The files under `folder` that the change adds or edits: different in the working tree (staged or
 * not) from `ref`, or new and not ignored. Deleted files are left out: they declare nothing.
 */
export function changedSince(ref: string, folder: string, root: string): string[] {
  const commit = resolveRef(ref, root);
  const edited = git(['diff', '--name-only', '--diff-filter=d', commit, '--', folder], root);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '--', folder], root);
  return [...new Set(`${edited}\n${untracked}`.split('\n').filter(Boolean))].sort();
}
