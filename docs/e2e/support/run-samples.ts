import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type RunningMock, startMock } from '@myreports/pbx-mock';

const run = promisify(execFile);

/** The host every curl sample calls, as a reader copies it; the tests point it at the mock instead. */
export const PRODUCTION_BASE = 'https://api.na.myreports.cloud/api';
/** How every TypeScript sample picks the production host; the tests point it at the mock instead. */
export const PRODUCTION_CLIENT = "createClient({ region: 'na',";

/**
 * When a sample that never ends is killed: a hang guard, not a speed limit (tsx compiles the sample
 * before it runs, seconds on a busy machine), below the runner's test timeout so the test says why.
 */
const SAMPLE_GUARD = 300_000;

// Inside docs/, so the samples resolve @myreports/pbx-client as a reader's project would.
const dir = join(fileURLToPath(new URL('../..', import.meta.url)), '.cache', 'run-samples');

/** Empties the folder the TypeScript samples are written to (once per suite). */
function clearTypeScriptSamples(): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/** Runs a TypeScript sample (`name`.ts) with tsx against the mock; resolves to what it printed. */
export async function runTypeScript(name: string, source: string, baseUrl: string): Promise<string> {
  if (!source.includes(PRODUCTION_CLIENT)) throw new Error(`The sample does not create its client with ${PRODUCTION_CLIENT}`);
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, source.replace(PRODUCTION_CLIENT, `createClient({ baseUrl: ${JSON.stringify(baseUrl)},`));
  const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
    env: { PATH: process.env['PATH'] ?? '', MYREPORTS_TOKEN: 'any-token' },
    timeout: SAMPLE_GUARD,
  });
  return stdout;
}

/**
 * The suite's mock, on a free port, and a clean folder for its TypeScript samples. Before each test
 * the twin is back at the spec's examples and the journal empty: each sample meets the mock as a
 * reader's first request would, and the journal holds its requests only. Returns the running mock.
 */
export function useSampleMock(): () => RunningMock {
  let mock: RunningMock | undefined;
  beforeAll(async () => {
    clearTypeScriptSamples();
    mock = await startMock({ port: 0, logLevel: 'silent' });
  });
  afterAll(async () => {
    await mock?.stop();
  });
  beforeEach(async () => {
    await mock!.reset();
    mock!.clearRequests();
  });
  return () => mock!;
}
