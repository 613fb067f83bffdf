import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { MUTANTS, startBrokenTwin } from './support/broken-twin.js';
import { cli } from './support/cli.js';
import { createCustomer } from './support/customer.js';

const TOKEN = 'tok-4f9a1c2b7e8d5a6f3c0b';


describe('usage errors exit 2 before any request', () => {
  it.each([
    ['no target', []],
    ['two targets', ['--in-process', '--base-url', 'http://127.0.0.1:9']],
    ['a base URL that is not a URL', ['--base-url', 'api.example.com']],
    ['a base URL without the customer to read', ['--base-url', 'http://127.0.0.1:9']],
    ['writes without the customer they may touch', ['--base-url', 'http://127.0.0.1:9', '--accept-charges']],
    ['a customer that is not two GUIDs', ['--base-url', 'http://127.0.0.1:9', '--customer', 'acme/7']],
    ['a count that is not a number', ['--in-process', '--runs', 'many']],
    ['an unknown option', ['--in-process', '--fast']],
    ['a token variable that is not set', ['--base-url', 'https://api.na.myreports.cloud/api', '--token-env', 'PBX_CONFORMANCE_UNSET']],
    ['a remote target without a token', ['--base-url', 'https://api.na.myreports.cloud/api']],
    ['a token command that fails', ['--base-url', 'https://api.na.myreports.cloud/api', '--token-command', 'exit 3']],
    ['--path without --seed', ['--in-process', '--path', '0:1']],
  ])('%s', async (_, args) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^pbx-conformance: .+\nSee pbx-conformance --help\./);
  });

  it('--help prints the usage and exits 0', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--accept-charges');
  });
});

describe('exit status 0 and 1', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, logLevel: 'silent' });
  });
  afterAll(() => mock?.stop());

  it('0 when every property holds (the in-process twin), with the summary', async () => {
    const { code, stdout } = await cli(['--in-process', '--seed', '7', '--runs', '5', '--quiet']);
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/ok {3}list-holds-live-profiles \(\d+ check\(s\)\)/);
    expect(stdout).toContain('Every property checked held.');
  });

  it('1 when one fails, with the shrunk sequence as curl, the seed and path, JUnit and JSON reports, and no secret', async () => {
    const broken = await startBrokenTwin(mock.url, MUTANTS.find((mutant) => mutant.name === 'a list that misses new items')!);
    const dir = mkdtempSync(join(tmpdir(), 'pbx-conformance-'));
    try {
      const { accountTenantId, customerTenantId } = await createCustomer(mock.url);
      const customer = `${accountTenantId}/${customerTenantId}`;
      const reports = ['--junit', join(dir, 'junit.xml'), '--json', join(dir, 'report.json')];
      const { code, stdout, stderr } = await cli(
        ['--base-url', broken.url, '--accept-charges', '--customer', customer, '--token-env', 'PBX_TEST_TOKEN', '--seed', '11', '--runs', '30', '--quiet', ...reports],
        { PBX_TEST_TOKEN: TOKEN },
      );
      expect(code, stdout + stderr).toBe(1);
      expect(stdout).toContain('FAILED list-holds-live-profiles: the list misses profile #0');
      expect(stdout).toMatch(/Smallest failing sequence \(2 command\(s\)\): create\(\w+\) → list\(\)/);
      expect(stdout).toMatch(/curl -sS -i -X POST '.+\/pbxs' -H 'accept: application\/json' -H "Authorization: Bearer \$PBX_TOKEN"/);
      expect(stdout).toMatch(/--seed 11 --path '[\d:]+'/);
      expect(stderr).toContain('Plan:');
      // The token and every generated secret stay out of the output.
      expect(stdout + stderr).not.toContain(TOKEN);
      expect(stdout).not.toMatch(/"(apiKey|password|licenseKey)":"(?!<redacted>)/);
      expect(stdout).toMatch(/Cleanup: \d+ created profile\(s\) deleted\./);

      const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
      expect(junit).toMatch(/<testsuite name="pbx-connection-profiles" tests="8" failures="1" skipped="0"/);
      expect(junit).toMatch(/<testcase classname="pbx-connection-profiles" name="list-holds-live-profiles" time="0">\n\s+<failure message="the list misses profile #0"/);
      expect(junit).toMatch(/<testcase classname="pbx-connection-profiles" name="get-returns-last-write" time="0"><\/testcase>/);
      const json = readFileSync(join(dir, 'report.json'), 'utf8');
      const report = JSON.parse(json) as { failures: { property: string; seed: number; path: string }[]; writes: boolean };
      expect(report.writes).toBe(true);
      expect(report.failures).toEqual([expect.objectContaining({ property: 'list-holds-live-profiles', seed: 11, path: expect.stringMatching(/^[\d:]+$/) })]);
      expect(junit + json).not.toContain(TOKEN);
      expect(json).not.toMatch(/\\"(apiKey|password|licenseKey)\\":\\"(?!<redacted>)/);
    } finally {
      await broken.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
