// npm run check:release: a change of the generated types must release every package that carries
// them, with the bump the change itself needs, through its own changesets. Pure rules first, then
// the real CLI in a throwaway git repository.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseChangeset } from '../src/changesets.js';
import { type Need, missingReleases, neededBump } from '../src/release-bumps.js';
import { type ThrowawayRepo, throwawayRepo } from './support/throwaway-repo.js';

const [spec, types, client, contract, mock] = ['@myreports/pbx-openapi', '@myreports/pbx-types', '@myreports/pbx-client', '@myreports/pbx-contract', '@myreports/pbx-mock'] as const;
const five = [spec, types, client, contract, mock];
const changeset = (file: string, bumps: Record<string, string>) =>
  parseChangeset(`.changeset/${file}`, `---\n${Object.entries(bumps).map(([name, bump]) => `"${name}": ${bump}`).join('\n')}\n---\n\nx\n`);
const all = (bump: string) => Object.fromEntries(five.map((name) => [name, bump]));
const additive: Need = { bump: 'minor', why: 'the generated types change; nothing breaks' };

describe('the bump a change of the generated types needs', () => {
  const removed = { breaking: true, where: 'GET /v1.0/pbxs response 200 (application/json)', what: 'field `tenantId` removed' };
  it('is major when it breaks, minor otherwise or when the break is accepted by override', () => {
    expect(neededBump([removed])).toEqual({ bump: 'major', why: 'this change breaks: field `tenantId` removed' });
    expect(neededBump([removed, removed]).why).toBe('this change breaks: field `tenantId` removed and 1 more');
    expect(neededBump([])).toEqual(additive);
    expect(neededBump([removed], true).bump).toBe('minor');
  });
});

describe('which releases the changesets of the change lack', () => {
  it('accepts the five packages with the bump the change needs, or higher', () => {
    expect(missingReleases(additive, [changeset('a.md', all('minor'))])).toEqual([]);
    expect(missingReleases(additive, [changeset('a.md', { [spec]: 'minor', [types]: 'minor' }), changeset('b.md', { [client]: 'major', [contract]: 'minor', [mock]: 'minor' })])).toEqual([]);
  });

  it('names each package, the bump wanted and why, and the changeset that bumps it too low', () => {
    expect(missingReleases(additive, [changeset('a.md', { ...all('minor'), [client]: 'patch', [mock]: 'patch' })]).slice(0, 1)).toEqual([
      `${client}: wanted minor (the generated types change; nothing breaks); .changeset/a.md bumps it only patch`,
    ]);
    expect(missingReleases(additive, [])).toEqual(five.map((name) => `${name}: wanted minor (the generated types change; nothing breaks); no changeset of this change bumps it`));
  });

  it('wants the spec package\'s own bump from the change\'s changesets when that is higher, and names that changeset', () => {
    expect(missingReleases(additive, [changeset('drop-3cx.md', { [spec]: 'major' }), changeset('rest.md', all('minor'))])).toEqual(
      [types, client, contract, mock].map((name) => `${name}: wanted major (.changeset/drop-3cx.md bumps ${spec} major); .changeset/rest.md bumps it only minor`),
    );
  });
});

const kazooCreate = 'spec/resources/pbx-connection-profiles/schemas/KazooPbxConnectionProfileCreate.yaml';
const breakingEdit = (text: string): string => text.replace('required: [_type, name,', 'required: [_type, name, countryCode,');
const optionalField = (text: string): string => text.replace(/\nproperties:\n/, '\nproperties:\n  nickname:\n    type: string\n    maxLength: 40\n');
const releaseAll = (bump: string) => `---\n${five.map((name) => `"${name}": ${bump}`).join('\n')}\n---\n\ncountryCode is required on create.\n`;
let repo: ThrowawayRepo;

beforeEach(() => {
  repo = throwawayRepo();
});
afterEach(() => repo.remove());

describe('npm run check:release -- --base <ref>', () => {
  it('fails when the types change and no changeset releases them, naming each package', () => {
    repo.edit(kazooCreate, breakingEdit);
    const { code, out } = repo.run('release-cli.ts', ['--base', 'HEAD']);
    expect(out).toContain('Generated types: CHANGED since HEAD');
    for (const name of five) expect(out).toContain(`${name}: wanted major (this change breaks: in \`_type\` KazooPbxConnectionProfile: field \`countryCode\` is now required`);
    expect(code).toBe(1);
  });

  // The issue's case: one optional field, with an unrelated major spec changeset pending from before.
  it('asks an additive change for minor bumps, whatever an earlier changeset pending at the base bumps, and names it as not counted', () => {
    repo.addChangeset('portable-spec.md', `---\n"${spec}": major\n"${types}": major\n---\n\nThe alias schemas are gone.\n`);
    repo.commit();
    repo.edit(kazooCreate, optionalField);
    const { code, out } = repo.run('release-cli.ts', ['--base', 'HEAD']);
    expect(out).toContain(`${client}: wanted minor (the generated types change; nothing breaks); no changeset of this change bumps it`);
    expect(out).not.toContain('wanted major');
    expect(out).toContain('Not counted: .changeset/portable-spec.md (unchanged since HEAD');
    expect(code).toBe(1);
    repo.addChangeset('nickname.md', releaseAll('minor'));
    const released = repo.run('release-cli.ts', ['--base', 'HEAD']);
    expect(released.out).toContain('.changeset/nickname.md release every package that carries them (minor or higher)');
    expect(released.code).toBe(0);
  });

  it('passes when a changeset of the change releases the five packages with the bump the change needs', () => {
    repo.edit(kazooCreate, breakingEdit);
    repo.addChangeset('country-required.md', releaseAll('major'));
    const { code } = repo.run('release-cli.ts', ['--base', 'HEAD']);
    expect(code).toBe(0);
  });

  it('passes a documentation-only edit without any changeset', () => {
    repo.edit(kazooCreate, (text) => text.replace(/description: /, 'description: Reworded. '));
    const { code, out } = repo.run('release-cli.ts', ['--base', 'HEAD']);
    expect(out).toContain('Generated types: unchanged since HEAD (comments aside)');
    expect(code).toBe(0);
  });

  it('answers 2 for a missing --base or an unknown ref', () => {
    expect(repo.run('release-cli.ts', []).code).toBe(2);
    const unknown = repo.run('release-cli.ts', ['--base', 'no-such-branch']);
    expect(unknown.err).toContain('Unknown git ref "no-such-branch"');
    expect(unknown.code).toBe(2);
  });
});
