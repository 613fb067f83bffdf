// npm run check:release -- --base <git ref> [--accept-breaking]
// Exit codes: 0 the generated types are unchanged, or the change's changesets release every package
// that carries them; 1 a package is missing or bumped too low; 2 could not compare.
import { bundleAtRef, bundleWorkingTree } from './bundle.js';
import { changesetsOfChange, pendingChangesets } from './changesets.js';
import { parseBaseArgs } from './cli-args.js';
import { compareSpecs } from './compare.js';
import { overrideFromEnvironment } from './declared.js';
import { generatedDeclarations } from './generated-types.js';
import { BundleError, repositoryRoot } from './git.js';
import { RELEASED_WITH_THE_TYPES, missingReleases, neededBump } from './release-bumps.js';

const USAGE = `Usage: npm run check:release -- --base <git ref> [--accept-breaking]

Generates the TypeScript types of @myreports/pbx-types from spec/ at <git ref> and in the working
tree. When they differ, the changesets added or edited since <git ref> must bump every package that
carries them (${RELEASED_WITH_THE_TYPES.join(', ')}) by what the change needs: major when it breaks
(unless accepted by --accept-breaking or SPEC_BREAKING_CHANGE_ACCEPTED=true), else minor. Exits 1
otherwise, naming each package, the bump wanted and why.`;

async function main(): Promise<number> {
  const options = parseBaseArgs(USAGE, ['accept-breaking']);
  if (typeof options === 'number') return options;
  const root = repositoryRoot();
  const [specBefore, specAfter] = [bundleAtRef(options.base, root), bundleWorkingTree(root)];
  const [before, after] = await Promise.all([generatedDeclarations(specBefore), generatedDeclarations(specAfter)]);
  if (before === after) {
    console.log(`Generated types: unchanged since ${options.base} (comments aside). No release needed.`);
    return 0;
  }
  const accepted = options['accept-breaking'] || overrideFromEnvironment();
  const need = neededBump(compareSpecs(specBefore, specAfter).breaking, accepted);
  const ofChange = changesetsOfChange(options.base, root);
  const missing = missingReleases(need, ofChange);
  if (missing.length === 0) {
    console.log(`Generated types: changed since ${options.base}; ${ofChange.map((changeset) => changeset.path).join(', ')} release every package that carries them (${need.bump} or higher).`);
    return 0;
  }
  const own = new Set(ofChange.map((changeset) => changeset.path));
  const older = pendingChangesets(root).filter((changeset) => !own.has(changeset.path) && RELEASED_WITH_THE_TYPES.some((name) => changeset.bumps.has(name)));
  console.log(
    [
      `Generated types: CHANGED since ${options.base}, but the changesets of this change do not release every package that carries them:`,
      ...missing.map((line) => `  - ${line}`),
      ...(older.length > 0 ? [`Not counted: ${older.map((changeset) => changeset.path).join(', ')} (unchanged since ${options.base}: they release earlier changes).`] : []),
      `Add a changeset (\`npx changeset\`) that bumps ${RELEASED_WITH_THE_TYPES.join(', ')} by ${need.bump} and says what changed.`,
    ].join('\n'),
  );
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (!(error instanceof BundleError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  },
);
