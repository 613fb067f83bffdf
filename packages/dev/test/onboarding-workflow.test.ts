// The onboarding workflow (spec/workflows/onboarding.arazzo.yaml) run by Redocly's `respect` against
// npm start's mock, as a user would run it: every step's request and answer are checked against the
// spec, and its success criteria against the twin's state. It must also stop where the API says stop:
// a PBX instance that is connected already ends the run before anything is created, and a step that
// fails later still leaves nothing behind.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kazooCreate } from '@myreports/pbx-fixtures';
import { mockUrlOf, startStackProcess } from './support/stack.js';

const WORKFLOW = fileURLToPath(new URL('../../../spec/workflows/onboarding.arazzo.yaml', import.meta.url));
const REDOCLY = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
const TOKEN = 'onboarding-test-token';
const HEADERS = { authorization: `Bearer ${TOKEN}`, 'accept-charges': 'true', 'content-type': 'application/json' };

/** `redocly respect` on the workflow with these inputs; resolves with its exit status and output. */
function respect(mock: string, inputs: Record<string, string>): Promise<{ code: number; output: string }> {
  const args = [REDOCLY, 'respect', WORKFLOW, '--server', `pbx=${mock}`, ...Object.entries(inputs).flatMap(([name, value]) => ['--input', `${name}=${value}`])];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** The customers of the first account, as the workflow's first step picks it. */
async function customersOfFirstAccount(mock: string): Promise<string[]> {
  const accounts = (await (await fetch(`${mock}/v1.0/accounts`, { headers: HEADERS })).json()) as { data: { id: string }[] };
  const listed = await fetch(`${mock}/v1.0/accounts/${accounts.data[0]!.id}/customers`, { headers: HEADERS });
  return ((await listed.json()) as { data: { id: string }[] }).data.map((customer) => customer.id);
}

describe('the onboarding workflow, run by redocly respect against npm start', () => {
  let stack: ReturnType<typeof startStackProcess>;
  let mock: string;
  beforeAll(async () => {
    stack = startStackProcess();
    await stack.ready;
    mock = mockUrlOf(stack.output());
  });
  afterAll(async () => {
    stack.child.kill('SIGINT');
    await once(stack.child, 'exit');
  });

  it('passes every step, and leaves the mock as it found it', async () => {
    const before = await customersOfFirstAccount(mock);
    const { code, output } = await respect(mock, { token: TOKEN, kazooAccountId: 'onboarding-kazoo-1' });
    expect(output).toMatch(/Steps: 12 passed, 12 total/);
    expect(code).toBe(0);
    expect(await customersOfFirstAccount(mock)).toEqual(before);
    const found = await fetch(`${mock}/v1.0/pbxs?instanceId=onboarding-kazoo-1`, { headers: HEADERS });
    expect(((await found.json()) as { data: { exists: boolean } }).data.exists).toBe(false);
  });

  it('stops before creating anything when the PBX instance is connected already', async () => {
    const accounts = (await (await fetch(`${mock}/v1.0/accounts`, { headers: HEADERS })).json()) as { data: { id: string }[] };
    const [customer] = await customersOfFirstAccount(mock);
    const taken = await fetch(`${mock}/v1.0/accounts/${accounts.data[0]!.id}/customers/${customer}/pbxs`, {
      method: 'POST',
      headers: HEADERS,
      body: JSON.stringify({ ...kazooCreate(), name: 'Connected already', accountId: 'onboarding-kazoo-2' }),
    });
    expect(taken.status).toBe(201);
    const before = await customersOfFirstAccount(mock);

    const { code, output } = await respect(mock, { token: TOKEN, kazooAccountId: 'onboarding-kazoo-2' });
    expect(code).not.toBe(0);
    expect(output).toMatch(/step findByInstance/);
    expect(output).toMatch(/Steps: 1 passed, 1 failed, 2 total/);
    expect(await customersOfFirstAccount(mock)).toEqual(before);
  });

  it('fails when a step fails after the customer exists, and still removes the customer', async () => {
    const before = await customersOfFirstAccount(mock);
    // Without the PBX's instance id, the profile's create is refused (400): the run goes on to its clean-up.
    const { code, output } = await respect(mock, { token: TOKEN });
    expect(code).not.toBe(0);
    expect(output).toMatch(/✗ POST \S+ - step createProfile/);
    expect(output).toMatch(/✓ DELETE \S+ - step deleteCustomer/);
    expect(await customersOfFirstAccount(mock)).toEqual(before);
  });
});
