// npm run check:release -- --base <git ref>
// Exit codes: 0 the generated types are unchanged, or every package that carries them has a
// pending changeset; 1 a package is missing from the changesets; 2 could not compare.
import { BundleError, bundleAtRef, bundleWorkingTree, repositoryRoot } from './bundle.js';
import { parseBaseArgs } from './cli-args.js';
import { generatedDeclarations } from './generated-types.js';
import { RELEASED_WITH_THE_TYPES, missingReleasesIn } from './release-bumps.js';

const USAGE = `Usage: npm run check:release -- --base <git ref>

Generates the TypeScript types of @myreports/pbx-types from spec/ at <git ref> and in the working
tree. When they differ, every package that carries them (${RELEASED_WITH_THE_TYPES.join(', ')})
needs a pending changeset with a bump at least as high as the spec's; exits 1 otherwise.`;

async function main(): Promise<number> {
  const options = parseBaseArgs(USAGE);
  if (typeof options === 'number') return options;
  const root = repositoryRoot();
  const [before, after] = await Promise.all([generatedDeclarations(bundleAtRef(options.base, root)), generatedDeclarations(bundleWorkingTree(root))]);
  if (before === after) {
    console.log(`Generated types: unchanged since ${options.base} (comments aside). No release needed.`);
    return 0;
  }
  const missing = missingReleasesIn(root);
  if (missing.length === 0) {
    console.log(`Generated types: changed since ${options.base}; every package that carries them has a pending changeset.`);
    return 0;
  }
  console.log(
    [
      `Generated types: CHANGED since ${options.base}, but not every package that carries them is released:`,
      ...missing.map((line) => `  - ${line}`),
      'Add them to the changeset (`npx changeset`), with the same bump as the spec.',
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
