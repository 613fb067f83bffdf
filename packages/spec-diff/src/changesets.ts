// The changesets (`.changeset/*.md` but the folder's README): those pending in the working tree, and
// those the change in front of the checks adds or edits (the diff between --base and the working
// tree). Only the latter can declare or release that change: a changeset already pending at the
// base speaks for an earlier change.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { changedSince } from './git.js';

export type Bump = 'patch' | 'minor' | 'major';
export const BUMPS: readonly Bump[] = ['patch', 'minor', 'major'];
const FOLDER = '.changeset';

export interface Changeset {
  /** Relative to the repository root, e.g. `.changeset/rename-licence-key.md`. */
  path: string;
  text: string;
  /** Package name → bump, from the front matter. */
  bumps: Map<string, Bump>;
}

/** Every changeset in the working tree. */
export function pendingChangesets(root: string): Changeset[] {
  const folder = join(root, FOLDER);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter(isChangesetFile)
    .sort()
    .map((file) => readChangeset(root, `${FOLDER}/${file}`));
}

/** The changesets that the change (the working tree against `base`) adds or edits. */
export function changesetsOfChange(base: string, root: string): Changeset[] {
  return changedSince(base, FOLDER, root)
    .filter((path) => isChangesetFile(path.slice(FOLDER.length + 1)))
    .map((path) => readChangeset(root, path));
}

export function parseChangeset(path: string, text: string): Changeset {
  const bumps = new Map<string, Bump>();
  for (const [name, bump] of Object.entries(frontMatter(text) ?? {})) {
    if (typeof bump === 'string' && (BUMPS as readonly string[]).includes(bump)) bumps.set(name, bump as Bump);
  }
  return { path, text, bumps };
}

/** The highest bump that `changesets` give the package `name`, and the first changeset that gives it. */
export function highestBump(name: string, changesets: readonly Changeset[]): { bump: Bump; path: string } | undefined {
  let best: { bump: Bump; path: string } | undefined;
  for (const changeset of changesets) {
    const bump = changeset.bumps.get(name);
    if (bump && (!best || BUMPS.indexOf(bump) > BUMPS.indexOf(best.bump))) best = { bump, path: changeset.path };
  }
  return best;
}

function isChangesetFile(file: string): boolean {
  return file.endsWith('.md') && file !== 'README.md' && !file.includes('/');
}

function readChangeset(root: string, path: string): Changeset {
  return parseChangeset(path, readFileSync(join(root, path), 'utf8'));
}

function frontMatter(changeset: string): Record<string, unknown> | null {
  const front = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(changeset);
  if (!front) return null;
  return parse(front[1] ?? '') as Record<string, unknown> | null;
}
