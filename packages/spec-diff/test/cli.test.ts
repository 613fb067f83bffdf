// End to end: a throwaway git repository holding a copy of spec/ and redocly.yaml, a commit as the
// base, an edit in the working tree, and the real CLI (git archive + Redocly bundle on both sides).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = resolve(here, '../../..');
const cli = resolve(here, '../src/cli.ts');
// The CLI runs in the throwaway repository, so the TypeScript loader is named by absolute URL.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const kazooCreate = 'spec/components/schemas/KazooPbxConnectionProfileCreate.yaml';
let repo: string;

function git(...args: string[]): void {
  const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', tsx, cli, ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, SPEC_BREAKING_CHANGE_ACCEPTED: '', ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(repo, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'spec-diff-repo-'));
  cpSync(join(repositoryRoot, 'spec'), join(repo, 'spec'), {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist)$/.test(source),
  });
  cpSync(join(repositoryRoot, 'redocly.yaml'), join(repo, 'redocly.yaml'));
  git('init', '-q');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'add', '.');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', 'base');
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

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
    mkdirSync(join(repo, '.changeset'));
    writeFileSync(join(repo, '.changeset', 'country-required.md'), '---\n"@myreports/pbx-openapi": major\n---\n\ncountryCode is required on create.\n');
    const { code, out } = run(['--base', 'HEAD']);
    expect(out).toContain('declared by a major changeset');
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
    edit('spec/openapi.yaml', (text) => text.replace('./paths/v1.0_pbxs.yaml', './paths/missing.yaml'));
    const broken = run(['--base', 'HEAD']);
    expect(broken.err).toContain('Redocly could not bundle the spec in the working tree');
    expect(broken.code).toBe(2);
  });
});
