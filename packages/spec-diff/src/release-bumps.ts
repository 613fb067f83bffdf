// When the generated types change, every package that carries them must be released with them:
// the spec itself, the types generated from it, the client typed by them, and the mock that ships
// the spec. Changesets bumps a package only when a changeset names it (the types package builds
// from the spec as a dev dependency), so the pull request must name them all.
import { type Bump, pendingBumps } from './declared.js';

export const RELEASED_WITH_THE_TYPES = ['@myreports/pbx-openapi', '@myreports/pbx-types', '@myreports/pbx-client', '@myreports/pbx-mock'] as const;
const RANK: Record<Bump, number> = { patch: 1, minor: 2, major: 3 };

/**
 * What the pending changesets lack for a change of the generated types: each package of
 * RELEASED_WITH_THE_TYPES needs a bump at least as high as the spec package's (at least `patch`).
 */
export function missingReleases(bumps: ReadonlyMap<string, Bump>): string[] {
  const wanted: Bump = bumps.get(RELEASED_WITH_THE_TYPES[0]) ?? 'patch';
  return RELEASED_WITH_THE_TYPES.flatMap((name) => {
    const bump = bumps.get(name);
    if (bump === undefined) return [`${name}: no pending changeset bumps it (wanted: ${wanted} or higher)`];
    if (RANK[bump] < RANK[wanted]) return [`${name}: bumped ${bump}, lower than the spec's ${wanted}`];
    return [];
  });
}

export function missingReleasesIn(root: string): string[] {
  return missingReleases(pendingBumps(root));
}
