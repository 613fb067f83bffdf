import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listOperations, loadBundledSpec } from '@myreports/pbx-fixtures';
import { loadContract } from '@myreports/pbx-contract';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { collectCodeSamples, sampleName, samplesIn } from '../scripts/code-samples.js';

const run = promisify(execFile);
// Inside docs/, so the samples resolve @myreports/pbx-client as a reader's project would.
const dir = join(fileURLToPath(new URL('..', import.meta.url)), '.cache', 'run-samples');
/** How every sample picks the production host; the test points it at the mock instead. */
const PRODUCTION_CLIENT = "createClient({ region: 'na',";

/**
 * When a sample that never ends is killed: a hang guard, not a speed limit (tsx compiles the sample
 * before it runs, seconds on a busy machine), below the runner's test timeout so the test says why.
 */
const SAMPLE_GUARD = 300_000;

/** Runs a TypeScript sample with tsx against the mock; resolves to what it printed. */
async function runSample(name: string, source: string, baseUrl: string): Promise<string> {
  if (!source.includes(PRODUCTION_CLIENT)) throw new Error(`The sample does not create its client with ${PRODUCTION_CLIENT}`);
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, source.replace(PRODUCTION_CLIENT, `createClient({ baseUrl: ${JSON.stringify(baseUrl)},`));
  const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
    env: { PATH: process.env['PATH'] ?? '', MYREPORTS_TOKEN: 'any-token' },
    timeout: SAMPLE_GUARD,
  });
  return stdout;
}

/** A request body without the fields the journal masks. */
const withoutSecrets = (body: unknown): unknown =>
  JSON.parse(JSON.stringify(body, (key, value: unknown) => (/^(apiKey|password|licenseKey)$/.test(key) ? undefined : value)));

const samples = samplesIn(collectCodeSamples(loadBundledSpec()), 'TypeScript');
const contract = loadContract();

// The build proves the samples compile; this proves they also do what they say against the mock.
describe('the TypeScript samples, run with tsx against the mock', () => {
  let mock: RunningMock;

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    mock = await startMock({ port: 0, logLevel: 'silent' });
  });
  afterAll(async () => {
    await mock?.stop();
  });
  // Each sample meets the twin as a reader's first request would: holding the spec's examples.
  beforeEach(async () => {
    await mock.reset();
    mock.clearRequests();
  });

  it('exist for every operation', () => {
    expect([...new Set(samples.map((sample) => sample.operationId))].sort()).toEqual(listOperations(loadBundledSpec()).map(({ operationId }) => operationId).sort());
  });

  // One per request example: the 3CX create and each patch run too, not only the first example's.
  it.each(samples.map((sample, index) => [sampleName(sample), index, sample] as const))(
    '%s runs to the end: its one request sends the body of its example and gets the success answer',
    async (_, index, sample) => {
      await runSample(`${sample.operationId}-${index}`, sample.source, mock.url);
      const success = contract.successStatus(contract.operation(sample.operationId));
      const requests = mock.requests();
      expect(requests.map(({ operationId, status }) => ({ operationId, status }))).toEqual([{ operationId: sample.operationId, status: success }]);
      // The same values as the example the docs show beside it (the journal masks the secrets, so they are left out of both).
      if (sample.example) expect(withoutSecrets(requests[0]!.requestBody)).toEqual(withoutSecrets(sample.example.value));
    },
  );

  it('create a profile of the type of their example: the 3CX sample gets a 3CX profile back', async () => {
    for (const sample of samples.filter((candidate) => candidate.operationId === 'createPbxConnectionProfile')) {
      const type = (sample.example?.value as { _type: string })._type;
      // The mock answers from the example of the type sent; the sample prints the new id, location and enabled.
      const printed = await runSample(`create-${type}`, sample.source.replace('console.log(created.id,', 'console.log(created.data._type, created.id,'), mock.url);
      expect(printed.split(' ')[0]).toBe(type);
    }
  });

  it('print what the API answered: the list shows the profiles of the example', async () => {
    const list = samples.find((sample) => sample.operationId === 'listPbxConnectionProfiles')!;
    const printed = await runSample('list-output', list.source, mock.url);
    expect(printed).toContain('Customers Kazoo Pbx');
    expect(printed).toContain('not documented (ExampleUndocumentedType)');
  });

  it('fail when the API refuses: the create sample with an id that is not a GUID ends in the 400 error', async () => {
    const create = samples.find((sample) => sample.example?.name === 'ThreeCxCreateRequest')!;
    const broken = create.source.replace(/customerTenantId: '[0-9a-f-]{36}'/, "customerTenantId: 'not-a-guid'");
    expect(broken).not.toBe(create.source);
    await expect(runSample('create-bad-id', broken, mock.url)).rejects.toThrow(/PbxBadRequestError/);
  });
});
