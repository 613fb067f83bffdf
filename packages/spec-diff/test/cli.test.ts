// End to end: the real CLI in a throwaway git repository (test/support/throwaway-repo.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ThrowawayRepo, throwawayRepo } from './support/throwaway-repo.js';

const kazooCreate = 'spec/resources/pbx-connection-profiles/schemas/KazooPbxConnectionProfileCreate.yaml';
const threeCxCreate = 'spec/resources/pbx-connection-profiles/schemas/ThreeCxConnectionProfileCreate.yaml';
let repo: ThrowawayRepo;
const run = (args: string[], env?: Record<string, string>) => repo.run('cli.ts', args, env);
const edit = (file: string, change: (text: string) => string) => repo.edit(file, change);

beforeEach(() => {
  repo = throwawayRepo();
});

afterEach(() => repo.remove());

describe('npm run check:breaking -- --base <ref>', () => {
  it('fails on an undeclared breaking edit and says what breaks', () => {
    edit(kazooCreate, (text) => text.replace('required: [_type, name,', 'required: [_type, name, countryCode,'));
    const { code, out } = run(['--base', 'HEAD']);
    expect(out).toContain('Breaking changes (1):');
    expect(out).toContain('in `_type` KazooPbxConnectionProfile: field `countryCode` is now required');
    expect(out).toContain('POST /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs request body (application/json)');
    expect(out).toContain('Verdict: BREAKING');
    expect(code).toBe(1);
  });

  it('passes the same edit when a changeset declares a major bump of the spec package', () => {
    edit(kazooCreate, (text) => text.replace('required: [_type, name,', 'required: [_type, name, countryCode,'));
    repo.addChangeset('country-required.md', '---\n"@myreports/pbx-openapi": major\n---\n\ncountryCode is required on create.\n');
    const { code, out } = run(['--base', 'HEAD']);
    expect(out).toContain('Verdict: breaking, declared by .changeset/country-required.md');
    expect(code).toBe(0);
  });

  // The rename of the issue: the only pending major changeset of the spec is an unrelated, earlier one.
  it('fails on a break when the only major changeset was already pending at the base, and names it', () => {
    repo.addChangeset('portable-spec.md', '---\n"@myreports/pbx-openapi": major\n---\n\nThe alias schemas are gone.\n');
    repo.commit();
    edit(threeCxCreate, (text) => text.replaceAll('licenseKey', 'licenceKey'));
    const { code, out } = run(['--base', 'HEAD']);
    expect(out).toContain('field `licenseKey` removed');
    expect(out).toContain('required field `licenceKey` added');
    expect(out).toContain('Verdict: BREAKING, not declared:');
    expect(out).toContain('.changeset/portable-spec.md bumps it by major but is unchanged since HEAD');
    expect(out).toContain('whose text names what breaks (`licenseKey`, `licenceKey`)');
    expect(code).toBe(1);
  });

  it('passes the rename once the change adds a major changeset that names both fields', () => {
    repo.addChangeset('portable-spec.md', '---\n"@myreports/pbx-openapi": major\n---\n\nThe alias schemas are gone.\n');
    repo.commit();
    edit(threeCxCreate, (text) => text.replaceAll('licenseKey', 'licenceKey'));
    repo.addChangeset('licence-key.md', '---\n"@myreports/pbx-openapi": major\n---\n\n3CX: `licenseKey` is now `licenceKey`.\n');
    const { code, out } = run(['--base', 'HEAD']);
    expect(out).toContain('Verdict: breaking, declared by .changeset/licence-key.md');
    expect(code).toBe(0);
  });

  it('passes with the documented override, from the flag or the environment', () => {
    edit(kazooCreate, (text) => text.replace('required: [_type, name,', 'required: [_type, name, countryCode,'));
    expect(run(['--base', 'HEAD', '--accept-breaking']).code).toBe(0);
    const fromLabel = run(['--base', 'HEAD'], { SPEC_BREAKING_CHANGE_ACCEPTED: 'true' });
    expect(fromLabel.out).toContain('accepted by override');
    expect(fromLabel.code).toBe(0);
  });

  it('passes a non-breaking edit and lists it', () => {
    edit(kazooCreate, (text) => text.replace('required: [_type, name, hostRest, hostWebsocket,', 'required: [_type, name, hostRest,'));
    const { code, out } = run(['--base', 'HEAD']);
    expect(out).toContain('field `hostWebsocket` is now optional');
    expect(out).toContain('Verdict: no breaking change.');
    expect(code).toBe(0);
  });

  it('answers 2 with a clear message for an unknown ref, a missing --base, or a spec that does not bundle', () => {
    const unknown = run(['--base', 'no-such-branch']);
    expect(unknown.err).toContain('Unknown git ref "no-such-branch"');
    expect(unknown.code).toBe(2);
    const missing = run([]);
    expect(missing.err).toContain('Missing --base');
    expect(missing.code).toBe(2);
    edit('spec/openapi.yaml', (text) => text.replace('/findPbxConnectionProfileByInstance.yaml', '/missing.yaml'));
    const broken = run(['--base', 'HEAD']);
    expect(broken.err).toContain('Redocly could not bundle the spec in the working tree');
    expect(broken.code).toBe(2);
  });
});
