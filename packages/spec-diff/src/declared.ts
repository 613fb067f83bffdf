// A breaking change is accepted when the pull request declares it: a pending changeset that bumps
// the spec package by a major version, or the explicit override (flag or environment variable).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const SPEC_PACKAGE = '@myreports/pbx-openapi';
/** Set by the pull-request workflow when the PR carries the `breaking-change` label. */
export const OVERRIDE_VARIABLE = 'SPEC_BREAKING_CHANGE_ACCEPTED';

export type Bump = 'patch' | 'minor' | 'major';
const BUMPS: readonly string[] = ['patch', 'minor', 'major'];

/** The pending changesets: `.changeset/*.md` but the folder's README, by path, with their text. */
export function pendingChangesets(root: string): { path: string; text: string }[] {
  const folder = join(root, '.changeset');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => ({ path: `.changeset/${file}`, text: readFileSync(join(folder, file), 'utf8') }));
}

/** The changeset files (`.changeset/*.md`) that bump the spec package by a major version. */
export function majorChangesets(root: string): string[] {
  return pendingChangesets(root)
    .filter(({ text }) => bumpOf(text, SPEC_PACKAGE) === 'major')
    .map(({ path }) => path);
}

/** The highest bump each package gets from all pending changesets together. */
export function pendingBumps(root: string): Map<string, Bump> {
  const bumps = new Map<string, Bump>();
  for (const { text } of pendingChangesets(root)) {
    for (const [name, bump] of Object.entries(frontMatter(text) ?? {})) {
      if (typeof bump !== 'string' || !BUMPS.includes(bump)) continue;
      const previous = bumps.get(name);
      if (previous === undefined || BUMPS.indexOf(bump) > BUMPS.indexOf(previous)) bumps.set(name, bump as Bump);
    }
  }
  return bumps;
}

/** The bump a changeset's front matter gives a package, e.g. `"pkg": major`. */
export function bumpOf(changeset: string, packageName: string): string | undefined {
  const bump = frontMatter(changeset)?.[packageName];
  return typeof bump === 'string' ? bump : undefined;
}

function frontMatter(changeset: string): Record<string, unknown> | null {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(changeset);
  if (!front) return null;
  return parse(front[1] ?? '') as Record<string, unknown> | null;
}

export function overrideFromEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true', 'yes'].includes((env[OVERRIDE_VARIABLE] ?? '').toLowerCase());
}
