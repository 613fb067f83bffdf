// The gate's rule: a breaking change is accepted only when a changeset of the same change (added or
// edited between --base and the working tree) bumps the spec package by major and names what breaks,
// whatever else is pending; or by the explicit override (flag or environment variable).
import type { Change } from './change.js';
import type { Changeset } from './changesets.js';

export const SPEC_PACKAGE = '@myreports/pbx-openapi';
/** Set by the pull-request workflow when the PR carries the `breaking-change` label. */
export const OVERRIDE_VARIABLE = 'SPEC_BREAKING_CHANGE_ACCEPTED';

export interface Declaration {
  /** The changesets of the change that declare its breaking changes (empty: not declared). */
  declaredBy: string[];
  /** Why the breaking changes are not declared, one sentence each (empty when declared). */
  problems: string[];
}

/**
 * Judges the breaking changes of one change against the changesets it adds or edits (`ofChange`);
 * `pending` (every changeset in the working tree) only serves to say why an older one does not count.
 */
export function declaration(breaking: Change[], ofChange: Changeset[], pending: Changeset[], base: string): Declaration {
  const majors = ofChange.filter((changeset) => changeset.bumps.get(SPEC_PACKAGE) === 'major');
  if (majors.length === 0) {
    const own = new Set(ofChange.map((changeset) => changeset.path));
    const older = pending.filter((changeset) => !own.has(changeset.path) && changeset.bumps.get(SPEC_PACKAGE) === 'major');
    return {
      declaredBy: [],
      problems: [
        `no changeset added or edited since ${base} bumps ${SPEC_PACKAGE} by major`,
        ...older.map((changeset) => `${changeset.path} bumps it by major but is unchanged since ${base}: it declares an earlier change, not this one`),
      ],
    };
  }
  const text = majors.map((changeset) => changeset.text).join('\n');
  const unnamed = breaking.filter((change) => !namesOf(change).some((name) => mentions(text, name)));
  if (unnamed.length === 0) return { declaredBy: majors.map((changeset) => changeset.path), problems: [] };
  return {
    declaredBy: [],
    problems: unnamed.map((change) => `${majors.map((changeset) => changeset.path).join(', ')} does not name ${namesOf(change).map((name) => `\`${name}\``).join(' or ')} (${change.what}; ${change.where})`),
  };
}

/**
 * The names a changeset may use for what a change breaks: the fields and parameters it quotes (a
 * nested field by its full path or its own name), the `_type` variant it adds or removes, or else
 * the operation.
 */
export function namesOf(change: Change): string[] {
  const names = new Set<string>();
  for (const [, quoted] of change.what.matchAll(/[`'"]([^`'"]+)[`'"]/g)) {
    if (quoted === '_type') continue;
    names.add(quoted!);
    const leaf = quoted!.split(/[.[\]]+/).filter(Boolean).at(-1);
    if (leaf) names.add(leaf);
  }
  const variant = /`_type` variant (\S+)/.exec(change.what)?.[1];
  if (variant) names.add(variant);
  if (names.size === 0) names.add(change.where.replace(/ (request body|response|parameters|responses)\b.*$/, ''));
  return [...names];
}

function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w])${escaped}($|[^\\w])`).test(text);
}

export function overrideFromEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true', 'yes'].includes((env[OVERRIDE_VARIABLE] ?? '').toLowerCase());
}
