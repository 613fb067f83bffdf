import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadContract } from '@myreports/pbx-contract';
import { guideSteps } from '../scripts/code-samples.js';
import { PRODUCTION_BASE, runTypeScript, useSampleMock } from './support/run-samples.js';

const run = promisify(execFile);
const contract = loadContract();
const GUIDE = 'From a token to a collecting PBX';
const curlSteps = guideSteps(contract.document, GUIDE, 'sh');
const typeScriptSteps = guideSteps(contract.document, GUIDE, 'ts');

/** The operations of the onboarding workflow, in the order of its steps: the guide follows them. */
const workflow = parse(readFileSync(fileURLToPath(new URL('../../spec/workflows/onboarding.arazzo.yaml', import.meta.url)), 'utf8')) as {
  workflows: { steps: { operationId: string }[] }[];
};
const workflowOperations = workflow.workflows[0]!.steps.map(({ operationId }) => operationId);
/** Each operation with the success status the spec documents for it. */
const succeeded = (operationIds: string[]) =>
  operationIds.map((operationId) => ({ operationId, status: contract.successStatus(contract.operation(operationId)) }));

/** The guide's curl blocks as one script, run as a reader pastes them into one shell, that stops at the first failing command. */
async function runCurlSteps(steps: string[], baseUrl: string): Promise<string> {
  const script = steps.join('\n').replaceAll(PRODUCTION_BASE, baseUrl);
  const { stdout } = await run('bash', ['-e', '-c', script], { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', MYREPORTS_TOKEN: 'any-token' } });
  return stdout;
}

describe(`the guide "${GUIDE}", its steps run in order against the mock`, () => {
  const mock = useSampleMock();
  let seeded: unknown;
  beforeEach(() => {
    seeded = mock().snapshot();
  });

  it('has a curl and a TypeScript block for each step, the first ones naming the host and the client', () => {
    expect(curlSteps.length).toBeGreaterThanOrEqual(9);
    expect(typeScriptSteps.length).toBe(curlSteps.length);
    expect(curlSteps[0]).toContain(PRODUCTION_BASE);
  });

  it('curl: every step reaches the mock in the order of the workflow with its success status, and the clean-up leaves the mock as it was', async () => {
    await runCurlSteps(curlSteps, mock().url);
    expect(mock().requests().map(({ operationId, status }) => ({ operationId, status }))).toEqual(succeeded(workflowOperations));
    expect(mock().snapshot()).toEqual(seeded);
  });

  it('TypeScript: every step reaches the mock in the order of the workflow with its success status (createIfNotConnected asks findByInstance first), and the clean-up leaves the mock as it was', async () => {
    const printed = await runTypeScript('onboarding-guide', typeScriptSteps.join('\n'), mock().url);
    const expected = workflowOperations.flatMap((operationId) =>
      operationId === 'createPbxConnectionProfile' ? ['findPbxConnectionProfileByInstance', operationId] : [operationId],
    );
    expect(mock().requests().map(({ operationId, status }) => ({ operationId, status }))).toEqual(succeeded(expected));
    expect(printed).toContain('connected to this profile');
    expect(mock().snapshot()).toEqual(seeded);
  });

  it('fail when a step breaks: a profile id the API does not hold stops the curl steps at the enable, before the clean-up', async () => {
    const broken = curlSteps.map((step) => step.replace('pbxs/$PBX_ID" \\\n  -H "Authorization: Bearer $MYREPORTS_TOKEN" \\\n  -H "accept-charges: true"', 'pbxs/00000000-0000-4000-8000-000000000000" \\\n  -H "Authorization: Bearer $MYREPORTS_TOKEN" \\\n  -H "accept-charges: true"'));
    expect(broken).not.toEqual(curlSteps);
    await expect(runCurlSteps(broken, mock().url)).rejects.toThrow();
    const last = mock().requests().at(-1);
    expect(last).toMatchObject({ operationId: 'patchPbxConnectionProfile', status: 404 });
  });
});
