// Where the next release of the spec package starts from, and which version it will have.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Changeset, highestBump } from './changesets.js';
import { SPEC_PACKAGE } from './declared.js';
import { git } from './git.js';

export const changelogFile = 'spec/guides/changelog.md';

/**
 * The last release: the version of the spec package, and the git ref of its tag (what
 * `changeset publish` creates), or else of the commit that set that version (`changeset version`).
 */
export function lastRelease(root: string): { version: string; ref: string } {
  const { version } = JSON.parse(readFileSync(join(root, 'spec', 'package.json'), 'utf8')) as { version: string };
  const tag = `${SPEC_PACKAGE}@${version}`;
  if (git(['tag', '--list', tag], root).trim() === tag) return { version, ref: tag };
  const commit = git(['log', '-1', '--format=%H', '-G', '"version":', '--', 'spec/package.json'], root).trim();
  return { version, ref: commit || 'HEAD' };
}

/** The version the pending changesets give the spec package, as `changeset version` computes it. */
export function nextVersion(current: string, changesets: readonly Changeset[]): string | undefined {
  const bump = highestBump(SPEC_PACKAGE, changesets)?.bump;
  if (!bump) return undefined;
  const [major = 0, minor = 0, patch = 0] = current.split('-')[0]!.split('.').map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
