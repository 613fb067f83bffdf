// npm run check:breaking -- --base <git ref> [--accept-breaking]
// Exit codes: 0 no undeclared breaking change, 1 breaking change not declared, 2 could not compare.
import { BundleError, bundleAtRef, bundleWorkingTree, repositoryRoot } from './bundle.js';
import { parseBaseArgs } from './cli-args.js';
import { compareSpecs } from './compare.js';
import { OVERRIDE_VARIABLE, SPEC_PACKAGE, majorChangesets, overrideFromEnvironment } from './declared.js';
import { formatReport } from './report.js';

const USAGE = `Usage: npm run check:breaking -- --base <git ref> [--accept-breaking]

Bundles spec/ at <git ref> and in the working tree, and lists the changes between them.
Exits 1 on a breaking change unless a changeset bumps ${SPEC_PACKAGE} by "major",
--accept-breaking is given, or ${OVERRIDE_VARIABLE}=true is set (the pull-request workflow sets it
when the PR carries the "breaking-change" label).`;

function main(): number {
  const options = parseBaseArgs(USAGE, ['accept-breaking']);
  if (typeof options === 'number') return options;

  const root = repositoryRoot();
  const report = compareSpecs(bundleAtRef(options.base, root), bundleWorkingTree(root));
  console.log(formatReport(report, options.base));
  if (report.breaking.length === 0) {
    console.log('Verdict: no breaking change.');
    return 0;
  }
  const changesets = majorChangesets(root);
  if (changesets.length > 0) {
    console.log(`Verdict: breaking, declared by a major changeset for ${SPEC_PACKAGE} (${changesets.join(', ')}).`);
    return 0;
  }
  if (options['accept-breaking'] || overrideFromEnvironment()) {
    console.log('Verdict: breaking, accepted by override (--accept-breaking or the "breaking-change" label).');
    return 0;
  }
  console.log(
    `Verdict: BREAKING. Avoid the change, or declare it: \`npx changeset\` with a major bump for ${SPEC_PACKAGE}` +
      ' (or label the pull request "breaking-change").',
  );
  return 1;
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof BundleError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
