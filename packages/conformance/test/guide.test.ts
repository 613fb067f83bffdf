import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { parseConformanceCommand } from '../src/cli-options.js';
import { cli } from './support/cli.js';
import { checkOptions } from '../src/core/run.js';

// The reference's guide "Checking an implementation", this package's README and the repository's show the commands a
// reader copies; each must be one the runner accepts, and the one for the mock must pass against it.
const GUIDE = readFileSync(new URL('../../../spec/guides/conformance.md', import.meta.url), 'utf8');
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const ROOT_README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const PLACEHOLDER_CUSTOMER = '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f/2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f';

/** The `npx pbx-conformance …` lines of a Markdown text, as argument lists. */
function commandsIn(text: string): string[][] {
  return [...text.matchAll(/^npx pbx-conformance (.+)$/gm)].map(([, args = '']) =>
    args.replaceAll('<accountTenantId>/<customerTenantId>', PLACEHOLDER_CUSTOMER).split(/\s+/),
  );
}

const guideCommands = commandsIn(GUIDE);

describe('the commands the guide and the README show', () => {
  it('are found (a guide without commands would pass the checks below)', () => {
    expect(guideCommands.length).toBeGreaterThanOrEqual(4);
    expect(commandsIn(README).length).toBeGreaterThanOrEqual(3);
    expect(commandsIn(ROOT_README).length).toBeGreaterThanOrEqual(2);
  });

  it.each([...guideCommands, ...commandsIn(README), ...commandsIn(ROOT_README)].map((args) => [args.join(' '), args]))('are accepted: %s', (_, args) => {
    const parsed = parseConformanceCommand(args, { PBX_TOKEN: 'a-token' });
    if (parsed.command !== 'run') throw new Error(`not a run: ${args.join(' ')}`);
    expect(() => checkOptions(parsed.options)).not.toThrow();
  });

  it('a command the runner would refuse is caught by the same check', () => {
    const parsed = parseConformanceCommand(['--base-url', 'https://api.na.myreports.cloud/api', '--accept-charges'], {});
    if (parsed.command !== 'run') throw new Error('not a run');
    expect(() => checkOptions(parsed.options)).toThrow(/--customer/);
    expect(() => parseConformanceCommand(['--base-url', 'https://api.na.myreports.cloud/api', '--token-env', 'PBX_TOKEN'], {})).toThrow(/PBX_TOKEN/);
  });

  describe('the one for a running mock passes against it', () => {
    let mock: RunningMock;
    beforeAll(async () => {
      mock = await startMock({ port: 0, logLevel: 'silent' });
    });
    afterAll(() => mock?.stop());

    it('exit status 0', async () => {
      const args = guideCommands.find((command) => command.includes('http://127.0.0.1:4010'));
      expect(args).toBeDefined();
      const pointed = args!.map((arg) => arg.replace('http://127.0.0.1:4010', mock.url));
      const result = await cli([...pointed, '--seed', '3', '--runs', '5', '--quiet']);
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).toContain('Every property checked held.');
    });
  });
});
