// npm run changelog -- [--base <git ref>] [--write]
// Prints the API changelog of the next release of the spec package (the spec at the last release
// against the working tree, and the pending changesets that release the spec); --write puts it into
// spec/guides/changelog.md, the changelog guide of the docs page. Exit 2: could not compare.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleAtRef, bundleWorkingTree } from './bundle.js';
import { changelogFile, lastRelease, nextVersion } from './changelog-release.js';
import { releaseSection, withSection } from './changelog.js';
import { pendingChangesets } from './changesets.js';
import { parseBaseArgs } from './cli-args.js';
import { compareSpecs } from './compare.js';
import { SPEC_PACKAGE } from './declared.js';
import { BundleError, repositoryRoot } from './git.js';

const USAGE = `Usage: npm run changelog -- [--base <git ref>] [--write]

Prints the API changelog of the next release of ${SPEC_PACKAGE}: the changes between the spec at
<git ref> and in the working tree, by kind (added, changed, deprecated, removed), each operation and
field by name, and the text of the pending changesets that release the spec. <git ref> defaults to
the last release: the tag ${SPEC_PACKAGE}@<version>, else the commit that set the version.
--write puts the section into ${changelogFile}, the changelog page of the docs.`;

function main(): number {
  const options = parseBaseArgs(USAGE, ['write'], false);
  if (typeof options === 'number') return options;
  const root = repositoryRoot();
  const release = lastRelease(root);
  const base = options.base ?? release.ref;
  const changesets = pendingChangesets(root).filter((changeset) => changeset.bumps.has(SPEC_PACKAGE));
  const version = nextVersion(release.version, changesets);
  if (version === undefined) {
    console.log(`No pending changeset releases ${SPEC_PACKAGE}: no API release to describe.`);
    return 0;
  }
  const [before, after] = [bundleAtRef(base, root), bundleWorkingTree(root)];
  const section = releaseSection({ version, since: release.version, report: compareSpecs(before, after), changesets, before, after });
  if (!options.write) {
    console.log(section);
    return 0;
  }
  const file = join(root, changelogFile);
  writeFileSync(file, withSection(readFileSync(file, 'utf8'), section));
  console.log(`${changelogFile}: section ${version} written (changes since ${release.version}, ${base}).`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof BundleError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
