// A breaking change is accepted when the pull request declares it: a pending changeset that bumps
// the spec package by a major version, or the explicit override (flag or environment variable).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const SPEC_PACKAGE = '@myreports/pbx-openapi';
/** Set by the pull-request workflow when the PR carries the `breaking-change` label. */
export const OVERRIDE_VARIABLE = 'SPEC_BREAKING_CHANGE_ACCEPTED';

/** The changeset files (`.changeset/*.md`) that bump the spec package by a major version. */
export function majorChangesets(root: string): string[] {
  const folder = join(root, '.changeset');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .filter((file) => bumpOf(readFileSync(join(folder, file), 'utf8'), SPEC_PACKAGE) === 'major')
    .map((file) => `.changeset/${file}`);
}

/** The bump a changeset's front matter gives a package, e.g. `"pkg": major`. */
export function bumpOf(changeset: string, packageName: string): string | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(changeset);
  if (!front) return undefined;
  const releases = parse(front[1] ?? '') as Record<string, unknown> | null;
  const bump = releases?.[packageName];
  return typeof bump === 'string' ? bump : undefined;
}

export function overrideFromEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true', 'yes'].includes((env[OVERRIDE_VARIABLE] ?? '').toLowerCase());
}
