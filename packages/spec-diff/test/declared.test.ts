// The gate's rule on its own: which changesets belong to the change, what a changeset must say to
// declare a breaking change, and the override.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change } from '../src/change.js';
import { type Changeset, changesetsOfChange, parseChangeset } from '../src/changesets.js';
import { declaration, namesOf, overrideFromEnvironment } from '../src/declared.js';

const spec = '@myreports/pbx-openapi';
const changeset = (path: string, text: string): Changeset => parseChangeset(path, text);
const create3cx = 'POST /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs request body (application/json)';
const rename: Change[] = [
  { breaking: true, where: create3cx, what: 'in `_type` ThreeCxConnectionProfile: field `licenseKey` removed: the API now rejects requests that send it' },
  { breaking: true, where: create3cx, what: 'in `_type` ThreeCxConnectionProfile: required field `licenceKey` added: requests without it are now rejected' },
];
const unrelated = changeset('.changeset/portable-spec.md', `---\n"${spec}": major\n---\n\nThe alias schemas are gone.\n`);

describe('the bumps a changeset gives', () => {
  it.each([
    { text: `---\n"${spec}": major\n---\n\nDrop 3CX.\n`, bump: 'major' },
    { text: `---\n'${spec}': major\n"@myreports/pbx-types": major\n---\n\nDrop 3CX.\n`, bump: 'major' },
    { text: `---\n"${spec}": minor\n---\n\nAdd Teams.\n`, bump: 'minor' },
    { text: `---\n"${spec}": huge\n---\n\nNot a bump.\n`, bump: undefined },
    { text: `---\n"@myreports/pbx-client": major\n---\n\nNew client API.\n`, bump: undefined },
    { text: `---\n---\n\nEmpty changeset.\n`, bump: undefined },
    { text: `"${spec}": major\n\nNo front matter.\n`, bump: undefined },
  ])('$bump from $text', ({ text, bump }) => {
    expect(parseChangeset('.changeset/x.md', text).bumps.get(spec)).toBe(bump);
  });
});

describe('whether the change declares its breaking changes', () => {
  it('does not count a major changeset that was already pending at the base', () => {
    const verdict = declaration(rename, [], [unrelated], 'main');
    expect(verdict.declaredBy).toEqual([]);
    expect(verdict.problems).toEqual([
      `no changeset added or edited since main bumps ${spec} by major`,
      '.changeset/portable-spec.md bumps it by major but is unchanged since main: it declares an earlier change, not this one',
    ]);
  });

  it('accepts a major changeset of the change that names every break, whatever else is pending', () => {
    const own = changeset('.changeset/licence-key.md', `---\n"${spec}": major\n---\n\n3CX: \`licenseKey\` is renamed \`licenceKey\`.\n`);
    expect(declaration(rename, [own], [unrelated, own], 'main')).toEqual({ declaredBy: ['.changeset/licence-key.md'], problems: [] });
  });

  it('names each break that the changeset of the change leaves out', () => {
    const vague = changeset('.changeset/licence-key.md', `---\n"${spec}": major\n---\n\n3CX: \`licenseKey\` changes.\n`);
    const verdict = declaration(rename, [vague], [vague], 'main');
    expect(verdict.declaredBy).toEqual([]);
    expect(verdict.problems).toHaveLength(1);
    expect(verdict.problems[0]).toMatch(/^\.changeset\/licence-key\.md does not name `licenceKey` \(in `_type` ThreeCxConnectionProfile: required field `licenceKey` added/);
  });

  it('wants a major bump of the spec package: a minor one, or one of another package, declares nothing', () => {
    const minor = changeset('.changeset/a.md', `---\n"${spec}": minor\n"@myreports/pbx-client": major\n---\n\n\`licenseKey\`, \`licenceKey\`.\n`);
    expect(declaration(rename, [minor], [minor], 'main').declaredBy).toEqual([]);
  });
});

describe('the names a changeset may use for what breaks', () => {
  it.each([
    { what: 'field `settings.licenseKey` removed: clients that read it get nothing', names: ['settings.licenseKey', 'licenseKey'] },
    { what: 'field `items[].name`: maxLength none → 8', names: ['items[].name', 'name'] },
    { what: '`_type` variant ThreeCxConnectionProfile removed: clients lose its documented shape', names: ['ThreeCxConnectionProfile'] },
    { what: "[Removed] parameter 'instanceId'", names: ['instanceId'] },
    { what: '[Removed] operation DELETE /v1.0/pbxs/{pbxId}', names: ['DELETE /v1.0/pbxs/{pbxId}'] },
  ])('$what', ({ what, names }) => {
    const where = what.includes('operation') ? 'DELETE /v1.0/pbxs/{pbxId}' : 'GET /v1.0/pbxs response 200 (application/json)';
    expect(namesOf({ breaking: true, where, what })).toEqual(names);
  });

  it('matches whole names only: `licenseKey` does not name `licenceKey`, nor `name` `username`', () => {
    const own = changeset('.changeset/a.md', `---\n"${spec}": major\n---\n\nThe username and licenseKeys change.\n`);
    const nameBreak: Change = { breaking: true, where: create3cx, what: 'field `name` removed' };
    expect(declaration([nameBreak], [own], [own], 'main').declaredBy).toEqual([]);
    expect(declaration([rename[0]!], [own], [own], 'main').declaredBy).toEqual([]);
  });
});

describe('the changesets of the change', () => {
  it('are those added, edited or not yet committed since the base; never the README or a deleted one', () => {
    const root = mkdtempSync(join(tmpdir(), 'changesets-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: root, stdio: 'pipe' });
    const write = (file: string, text: string) => writeFileSync(join(root, '.changeset', file), text);
    try {
      mkdirSync(join(root, '.changeset'));
      for (const file of ['README.md', 'old.md', 'edited.md', 'deleted.md']) write(file, `---\n"${spec}": major\n---\n\n${file}\n`);
      git('init', '-q');
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      write('README.md', 'Edited.\n');
      write('edited.md', `---\n"${spec}": major\n---\n\nNow names \`licenseKey\`.\n`);
      unlinkSync(join(root, '.changeset', 'deleted.md'));
      write('staged.md', `---\n"${spec}": minor\n---\n\nx\n`);
      git('add', '.changeset/staged.md');
      write('new.md', `---\n"${spec}": patch\n---\n\ny\n`);
      expect(changesetsOfChange('HEAD', root).map(({ path }) => path)).toEqual(['.changeset/edited.md', '.changeset/new.md', '.changeset/staged.md']);
      git('add', '.');
      git('commit', '-q', '-m', 'change');
      expect(changesetsOfChange('HEAD~1', root).map(({ path }) => path)).toEqual(['.changeset/edited.md', '.changeset/new.md', '.changeset/staged.md']);
      expect(changesetsOfChange('HEAD', root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the override', () => {
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
