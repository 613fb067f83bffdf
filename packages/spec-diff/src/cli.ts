// npm run check:breaking -- --base <git ref> [--accept-breaking]
// Exit codes: 0 no undeclared breaking change, 1 breaking change not declared, 2 could not compare.
import { bundleAtRef, bundleWorkingTree } from './bundle.js';
import { changesetsOfChange, pendingChangesets } from './changesets.js';
import { parseBaseArgs } from './cli-args.js';
import { compareSpecs } from './compare.js';
import { OVERRIDE_VARIABLE, SPEC_PACKAGE, declaration, namesOf, overrideFromEnvironment } from './declared.js';
import { BundleError, repositoryRoot } from './git.js';
import { formatReport } from './report.js';

const USAGE = `Usage: npm run check:breaking -- --base <git ref> [--accept-breaking]

Bundles spec/ at <git ref> and in the working tree, and lists the changes between them.
Exits 1 on a breaking change unless a changeset added or edited since <git ref> bumps
${SPEC_PACKAGE} by "major" and names what breaks, --accept-breaking is given, or
${OVERRIDE_VARIABLE}=true is set (the pull-request workflow sets it when the PR carries the
"breaking-change" label). Changesets that were already pending at <git ref> do not count.`;

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
  const { declaredBy, problems } = declaration(report.breaking, changesetsOfChange(options.base, root), pendingChangesets(root), options.base);
  if (declaredBy.length > 0) {
    console.log(`Verdict: breaking, declared by ${declaredBy.join(', ')} (a major changeset for ${SPEC_PACKAGE} in this change, naming what breaks).`);
    return 0;
  }
  if (options['accept-breaking'] || overrideFromEnvironment()) {
    console.log('Verdict: breaking, accepted by override (--accept-breaking or the "breaking-change" label).');
    return 0;
  }
  const names = [...new Set(report.breaking.map((change) => namesOf(change)[0]!))].map((name) => `\`${name}\``);
  console.log(
    [
      'Verdict: BREAKING, not declared:',
      ...problems.map((problem) => `  - ${problem}`),
      `Avoid the change, or declare it: \`npx changeset\` with a major bump for ${SPEC_PACKAGE} whose text names what breaks (${names.join(', ')}),`,
      'or label the pull request "breaking-change" for a change that only looks breaking.',
    ].join('\n'),
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
