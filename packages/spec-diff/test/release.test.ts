// npm run check:release: a change of the generated types must release every package that carries
// them. Pure rules first, then the real CLI in a throwaway git repository.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bump } from '../src/declared.js';
import { missingReleases } from '../src/release-bumps.js';
import { type ThrowawayRepo, throwawayRepo } from './support/throwaway-repo.js';

const [spec, types, client, mock] = ['@myreports/pbx-openapi', '@myreports/pbx-types', '@myreports/pbx-client', '@myreports/pbx-mock'];
const all = (bump: Bump): Map<string, Bump> => new Map([spec, types, client, mock].map((name) => [name!, bump]));

describe('which releases a change of the generated types needs', () => {
  it('accepts the four packages with the same bump, or higher ones beside the spec', () => {
    expect(missingReleases(all('minor'))).toEqual([]);
    expect(missingReleases(new Map([...all('major'), [spec!, 'minor']]))).toEqual([]);
  });
  it('names each package that no changeset bumps', () => {
    expect(missingReleases(new Map([[spec!, 'major']]))).toEqual([
      `${types}: no pending changeset bumps it (wanted: major or higher)`,
      `${client}: no pending changeset bumps it (wanted: major or higher)`,
      `${mock}: no pending changeset bumps it (wanted: major or higher)`,
    ]);
  });
  it('rejects a bump lower than the spec\'s, and wants at least a patch when the spec has none', () => {
    expect(missingReleases(new Map([...all('major'), [client!, 'patch']]))).toEqual([`${client}: bumped patch, lower than the spec's major`]);
    expect(missingReleases(new Map([[types!, 'patch'], [client!, 'patch'], [mock!, 'patch']]))).toEqual([
      `${spec}: no pending changeset bumps it (wanted: patch or higher)`,
    ]);
  });
});

const kazooCreate = 'spec/components/schemas/KazooPbxConnectionProfileCreate.yaml';
const typeChangingEdit = (text: string): string => text.replace('required: [_type, name,', 'required: [_type, name, countryCode,');
const releaseAll = `---\n"${spec}": major\n"${types}": major\n"${client}": major\n"${mock}": major\n---\n\ncountryCode is required on create.\n`;
let repo: ThrowawayRepo;

beforeEach(() => {
  repo = throwawayRepo();
});
afterEach(() => repo.remove());

describe('npm run check:release -- --base <ref>', () => {
  it('fails when the types change and no changeset releases them, naming each package', () => {
    repo.edit(kazooCreate, typeChangingEdit);
    const { code, out } = repo.run('release-cli.ts', ['--base', 'HEAD']);
    expect(out).toContain('Generated types: CHANGED since HEAD');
    for (const name of [spec, types, client, mock]) expect(out).toContain(`${name}: no pending changeset bumps it`);
    expect(code).toBe(1);
  });

  it('fails when only the spec package is bumped', () => {
    repo.edit(kazooCreate, typeChangingEdit);
    repo.addChangeset('spec-only.md', `---\n"${spec}": major\n---\n\ncountryCode is required on create.\n`);
    const { code, out } = repo.run('release-cli.ts', ['--base', 'HEAD']);
    expect(out).toContain(`${types}: no pending changeset bumps it (wanted: major or higher)`);
    expect(out).not.toContain(`${spec}:`);
    expect(code).toBe(1);
  });

  it('passes when a changeset releases the four packages with the same bump', () => {
    repo.edit(kazooCreate, typeChangingEdit);
    repo.addChangeset('country-required.md', releaseAll);
    const { code, out } = repo.run('release-cli.ts', ['--base', 'HEAD']);
    expect(out).toContain('every package that carries them has a pending changeset');
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
