// When the generated types change, every package that carries them must be released with them:
// the spec itself, the types generated from it, the client typed by them, the contract core that
// validates by the spec, and the mock that ships it. Changesets bumps a package only when a
// changeset names it (the types package builds from the spec as a dev dependency), so the change
// must name them all, each with the bump the change itself needs.
import type { Change } from './change.js';
import { type Bump, BUMPS, type Changeset, highestBump } from './changesets.js';
import { SPEC_PACKAGE } from './declared.js';

export const RELEASED_WITH_THE_TYPES = [
  SPEC_PACKAGE,
  '@myreports/pbx-types',
  '@myreports/pbx-client',
  '@myreports/pbx-contract',
  '@myreports/pbx-mock',
] as const;

/** A bump and where the demand for it comes from. */
export interface Need {
  bump: Bump;
  why: string;
}

/** What a change of the generated types needs by itself: major when something breaks, else minor. */
export function neededBump(breaking: readonly Change[], accepted = false): Need {
  const first = breaking[0];
  if (first === undefined) return { bump: 'minor', why: 'the generated types change; nothing breaks' };
  if (accepted) return { bump: 'minor', why: 'the generated types change; the breaking change is accepted by override' };
  const more = breaking.length > 1 ? ` and ${breaking.length - 1} more` : '';
  return { bump: 'major', why: `this change breaks: ${first.what}${more}` };
}

/**
 * What the changesets of the change (`ofChange`) lack: each package of RELEASED_WITH_THE_TYPES needs
 * the bump the change needs, or the spec package's own bump in those changesets when that is higher.
 */
export function missingReleases(need: Need, ofChange: readonly Changeset[]): string[] {
  const specBump = highestBump(SPEC_PACKAGE, ofChange);
  const wanted: Need =
    specBump && BUMPS.indexOf(specBump.bump) > BUMPS.indexOf(need.bump)
      ? { bump: specBump.bump, why: `${specBump.path} bumps ${SPEC_PACKAGE} ${specBump.bump}` }
      : need;
  return RELEASED_WITH_THE_TYPES.flatMap((name) => {
    const found = highestBump(name, ofChange);
    const demand = `${name}: wanted ${wanted.bump} (${wanted.why})`;
    if (!found) return [`${demand}; no changeset of this change bumps it`];
    if (BUMPS.indexOf(found.bump) < BUMPS.indexOf(wanted.bump)) return [`${demand}; ${found.path} bumps it only ${found.bump}`];
    return [];
  });
}
