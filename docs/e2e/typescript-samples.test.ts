import { describe, expect, it } from 'vitest';
import { listOperations, loadBundledSpec } from '@myreports/pbx-fixtures';
import { loadContract } from '@myreports/pbx-contract';
import { collectCodeSamples, sampleName, samplesIn } from '../scripts/code-samples.js';
import { runTypeScript as runSample, useSampleMock } from './support/run-samples.js';

/** A request body without the fields the journal masks. */
const withoutSecrets = (body: unknown): unknown =>
  JSON.parse(JSON.stringify(body, (key, value: unknown) => (/^(apiKey|password|licenseKey)$/.test(key) ? undefined : value)));

const samples = samplesIn(collectCodeSamples(loadBundledSpec()), 'TypeScript');
const contract = loadContract();

// The build proves the samples compile; this proves they also do what they say against the mock.
describe('the TypeScript samples, run with tsx against the mock', () => {
  const mock = useSampleMock();

  it('exist for every operation', () => {
    expect([...new Set(samples.map((sample) => sample.operationId))].sort()).toEqual(listOperations(loadBundledSpec()).map(({ operationId }) => operationId).sort());
  });

  // One per request example: the 3CX create and each patch run too, not only the first example's.
  it.each(samples.map((sample, index) => [sampleName(sample), index, sample] as const))(
    '%s runs to the end: its one request sends the body of its example and gets the success answer',
    async (_, index, sample) => {
      await runSample(`${sample.operationId}-${index}`, sample.source, mock().url);
      const success = contract.successStatus(contract.operation(sample.operationId));
      const requests = mock().requests();
      expect(requests.map(({ operationId, status }) => ({ operationId, status }))).toEqual([{ operationId: sample.operationId, status: success }]);
      // The same values as the example the docs show beside it (the journal masks the secrets, so they are left out of both).
      if (sample.example) expect(withoutSecrets(requests[0]!.requestBody)).toEqual(withoutSecrets(sample.example.value));
    },
  );

  it('create a profile of the type of their example: the 3CX sample gets a 3CX profile back', async () => {
    for (const sample of samples.filter((candidate) => candidate.operationId === 'createPbxConnectionProfile')) {
      const type = (sample.example?.value as { _type: string })._type;
      // The mock answers from the example of the type sent; the sample prints the new id, location and enabled.
      const printed = await runSample(`create-${type}`, sample.source.replace('console.log(created.id,', 'console.log(created.data._type, created.id,'), mock().url);
      expect(printed.split(' ')[0]).toBe(type);
    }
  });

  it('print what the API answered: the list shows the profiles of the example', async () => {
    const list = samples.find((sample) => sample.operationId === 'listPbxConnectionProfiles')!;
    const printed = await runSample('list-output', list.source, mock().url);
    expect(printed).toContain('Customers Kazoo Pbx');
    expect(printed).toContain('not documented (ExampleUndocumentedType)');
  });

  it('walk every page of a paged list: the account and customer samples print what the mock holds, the filter applied', async () => {
    const printed = (operationId: string) => runSample(`pages-${operationId}`, samples.find((sample) => sample.operationId === operationId)!.source, mock().url);
    const accounts = await printed('listAccounts');
    expect(accounts).toContain('Example Reseller');
    expect(accounts).toContain('Second Reseller');
    const customers = await printed('listCustomers');
    expect(customers).toContain('Example Customer');
    expect(customers).not.toContain('New customer');
  });

  it('fail when the API refuses: the create sample with an id that is not a GUID ends in the 400 error', async () => {
    const create = samples.find((sample) => sample.example?.name === 'ThreeCxCreateRequest')!;
    const broken = create.source.replace(/customerTenantId: '[0-9a-f-]{36}'/, "customerTenantId: 'not-a-guid'");
    expect(broken).not.toBe(create.source);
    await expect(runSample('create-bad-id', broken, mock().url)).rejects.toThrow(/PbxBadRequestError/);
  });
});
