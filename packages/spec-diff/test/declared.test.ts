import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bumpOf, majorChangesets, overrideFromEnvironment } from '../src/declared.js';

const spec = '@myreports/pbx-openapi';

describe('which changesets declare a breaking spec change', () => {
  it.each([
    { changeset: `---\n"${spec}": major\n---\n\nDrop 3CX.\n`, bump: 'major' },
    { changeset: `---\n'${spec}': major\n"@myreports/pbx-types": major\n---\n\nDrop 3CX.\n`, bump: 'major' },
    { changeset: `---\n"${spec}": minor\n---\n\nAdd Teams.\n`, bump: 'minor' },
    { changeset: `---\n"@myreports/pbx-client": major\n---\n\nNew client API.\n`, bump: undefined },
    { changeset: `---\n---\n\nEmpty changeset.\n`, bump: undefined },
    { changeset: `"${spec}": major\n\nNo front matter.\n`, bump: undefined },
  ])('$bump from $changeset', ({ changeset, bump }) => {
    expect(bumpOf(changeset, spec)).toBe(bump);
  });

  it('lists only the major changesets of the spec package, never the folder README', () => {
    const root = mkdtempSync(join(tmpdir(), 'changesets-'));
    try {
      mkdirSync(join(root, '.changeset'));
      writeFileSync(join(root, '.changeset', 'README.md'), `---\n"${spec}": major\n---\n`);
      writeFileSync(join(root, '.changeset', 'minor.md'), `---\n"${spec}": minor\n---\n\nx\n`);
      expect(majorChangesets(root)).toEqual([]);
      writeFileSync(join(root, '.changeset', 'drop-3cx.md'), `---\n"${spec}": major\n---\n\nx\n`);
      expect(majorChangesets(root)).toEqual(['.changeset/drop-3cx.md']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.each([
    { value: 'true', accepted: true },
    { value: '1', accepted: true },
    { value: 'false', accepted: false },
    { value: '', accepted: false },
    { value: undefined, accepted: false },
  ])('override variable $value → $accepted', ({ value, accepted }) => {
    expect(overrideFromEnvironment(value === undefined ? {} : { SPEC_BREAKING_CHANGE_ACCEPTED: value })).toBe(accepted);
  });
});
