import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadContract } from '@myreports/pbx-contract';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { type CodeSample, collectCodeSamples, guideShellRequests, sampleName, samplesIn } from '../scripts/code-samples.js';
import { PRODUCTION_BASE } from './support/run-samples.js';

const run = promisify(execFile);
const contract = loadContract();
const spec = contract.document;
/** The mock `npm start` serves, which a guide calls when it shows what the mock answers. */
const MOCK_BASE = 'http://127.0.0.1:4010';

interface CurlAnswer {
  status: number;
  headers: string;
  body: string;
}

/** Runs a sample as a reader would paste it into `sh`, with the base URL swapped for the mock's. */
async function runCurl(source: string, baseUrl: string, token: string | undefined): Promise<CurlAnswer> {
  const base = [PRODUCTION_BASE, MOCK_BASE].find((candidate) => source.includes(candidate));
  if (!base) throw new Error(`The sample calls neither ${PRODUCTION_BASE} nor ${MOCK_BASE}:\n${source}`);
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '/usr/bin:/bin' };
  if (token !== undefined) env['MYREPORTS_TOKEN'] = token;
  const { stdout } = await run('sh', ['-c', source.replaceAll(base, baseUrl)], { env });
  const split = stdout.indexOf('\r\n\r\n');
  const headers = split < 0 ? stdout : stdout.slice(0, split);
  const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(headers)?.[1]);
  return { status, headers, body: split < 0 ? '' : stdout.slice(split + 4) };
}

/** The success status the spec documents for the sample's operation (the one 2xx it lists). */
const documentedStatus = (sample: CodeSample): number => contract.successStatus(contract.operation(sample.operationId));

const curlSamples = samplesIn(collectCodeSamples(spec), 'curl');

describe('the curl samples, run with sh against the mock', () => {
  let mock: RunningMock;

  beforeAll(async () => {
    mock = await startMock({ port: 0, logLevel: 'silent' });
  });
  afterAll(async () => {
    await mock?.stop();
  });
  // Each sample meets the twin as a reader's first request would: holding the spec's examples.
  beforeEach(() => mock.reset());

  it('cover every operation of the spec', () => {
    const operationIds = contract.operations.map((operation) => operation.operationId);
    expect([...new Set(curlSamples.map((sample) => sample.operationId))].sort()).toEqual(operationIds.sort());
  });

  it.each(curlSamples.map((sample) => [sampleName(sample), sample] as const))(
    '%s: gets the documented status and a body that matches its schema',
    async (_, sample) => {
      const status = documentedStatus(sample);
      const answer = await runCurl(sample.source, mock.url, 'any-token');
      expect(answer.status).toBe(status);
      expect(contract.validateResponse(contract.operation(sample.operationId), status, JSON.parse(answer.body))).toEqual([]);
    },
  );

  it.each(curlSamples.map((sample) => [sampleName(sample), sample] as const))(
    '%s: gets 401 without a token, so the sample really sends the one it shows',
    async (_, sample) => {
      const answer = await runCurl(sample.source, mock.url, undefined);
      expect(answer.status).toBe(401);
    },
  );

  it('create the type of their example: the 3CX sample gets the 3CX profile back', async () => {
    for (const sample of curlSamples.filter((candidate) => candidate.operationId === 'createPbxConnectionProfile')) {
      const answer = await runCurl(sample.source, mock.url, 'any-token');
      expect((JSON.parse(answer.body) as { data: { _type: string } }).data._type).toBe((sample.example?.value as { _type: string })._type);
    }
  });

  it('fails a sample whose request breaks: a mangled id gets 400, not the documented status', async () => {
    const sample = curlSamples.find((candidate) => candidate.operationId === 'getPbxConnectionProfile')!;
    const broken = sample.source.replace(/pbxs\/[0-9a-f-]{36}/, 'pbxs/not-a-guid');
    expect(broken).not.toBe(sample.source);
    const answer = await runCurl(broken, mock.url, 'any-token');
    expect(answer.status).not.toBe(documentedStatus(sample));
    expect(answer.status).toBe(400);
  });

  const guideRequests = guideShellRequests(spec);
  it('include the guides\' shell blocks: each gets the answer its guide prints after it, or else a 200', async () => {
    expect(guideRequests.filter(({ answer }) => answer !== undefined).length).toBeGreaterThan(0);
    for (const { source, answer } of guideRequests) {
      const { status, body } = await runCurl(source, mock.url, 'any-token');
      if (answer === undefined) {
        expect(status, source).toBe(200);
        expect(JSON.parse(body)).toMatchObject({ status: 'success' });
        continue;
      }
      // The printed answer, but for its timestamp (every answer has its own).
      const { timestamp: _sent, ...got } = JSON.parse(body) as Record<string, unknown>;
      const { timestamp: _printed, ...printed } = answer as Record<string, unknown>;
      expect(got, source).toEqual(printed);
      expect(status).toBe(printed['error'] ?? 200);
    }
  });
});
