// What the runner will and will not do to a target that is not a mock of its own: read-only unless
// told, writes under the named customer only, a create budget and a rate limit, a plan before the
// first write, and everything it created deleted, also after a failure or Ctrl-C.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { REMOTE_DEFAULTS, runConformance } from '../src/index.js';
import { MUTANTS, type Mutant, type Request, startBrokenTwin } from './support/broken-twin.js';
import { createCustomer } from './support/customer.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, logLevel: 'silent' });
});
afterAll(() => mock?.stop());

const newCustomer = () => createCustomer(mock.url);
const listPath = (customer: { accountTenantId: string; customerTenantId: string }) =>
  `/v1.0/accounts/${customer.accountTenantId}/customers/${customer.customerTenantId}/pbxs`;

/** What the mock holds for a customer, asked directly (not through the runner). */
async function held(customer: { accountTenantId: string; customerTenantId: string }): Promise<unknown[]> {
  const response = await fetch(`${mock.url}${listPath(customer)}`, { headers: { authorization: 'Bearer check' } });
  return ((await response.json()) as { data: unknown[] }).data;
}

/** A layer that passes everything through and records each request with its answer's status and time. */
function recorder(): Mutant & { seen: (Request & { status: number; at: number })[] } {
  const seen: (Request & { status: number; at: number })[] = [];
  return {
    name: 'a recording layer',
    caughtBy: [],
    seen,
    handle: async (request, forward) => {
      const at = Date.now();
      const answer = await forward(request);
      seen.push({ ...request, status: answer.status, at });
      return answer;
    },
  };
}

describe('read-only unless --accept-charges', () => {
  it('sends only GETs, and says what it left out', async () => {
    const layer = recorder();
    const broken = await startBrokenTwin(mock.url, layer);
    try {
      const report = await runConformance({ baseUrl: broken.url, parent: await newCustomer(), seed: 3, runs: 10 });
      expect(report.failures).toEqual([]);
      expect(new Set(layer.seen.map((request) => request.method))).toEqual(new Set(['GET']));
      expect(report.properties.find((property) => property.name === 'create-201-location')).toMatchObject({ status: 'not-checked' });
      expect(report.notes[0]).toMatch(/^Read-only/);
    } finally {
      await broken.stop();
    }
  });
});

describe('writes', () => {
  it('touch the named customer only, print the plan before the first write, and leave nothing behind', async () => {
    const layer = recorder();
    const broken = await startBrokenTwin(mock.url, layer);
    const customer = await newCustomer();
    const events: string[] = [];
    try {
      const report = await runConformance({
        baseUrl: broken.url,
        acceptCharges: true,
        parent: customer,
        seed: 5,
        runs: 15,
        log: (line) => events.push(`log ${line}`),
        onProgress: () => events.push(`requests so far ${layer.seen.length}`),
      });
      expect(report.failures).toEqual([]);
      const writes = layer.seen.filter((request) => request.method !== 'GET');
      expect(writes.length).toBeGreaterThan(0);
      for (const write of writes) expect(write.path.startsWith(listPath(customer))).toBe(true);
      expect(events[0]).toBe('log Plan:');
      expect(events).toContain(`log   Writes under customer ${customer.accountTenantId}/${customer.customerTenantId} only.`);
      expect(report.cleanup.leftover).toEqual([]);
      expect(await held(customer)).toEqual([]);
    } finally {
      await broken.stop();
    }
  });

  it('create at most --max-creates profiles, shrinking and invalid rows included', async () => {
    const layer = recorder();
    const broken = await startBrokenTwin(mock.url, layer);
    try {
      await runConformance({ baseUrl: broken.url, acceptCharges: true, parent: await newCustomer(), seed: 9, runs: 30, maxCreates: 2 });
      expect(layer.seen.filter((request) => request.method === 'POST' && request.status === 201)).toHaveLength(2);
    } finally {
      await broken.stop();
    }
  });

  it('are all deleted after a failure, with nothing left over', async () => {
    const customer = await newCustomer();
    const broken = await startBrokenTwin(mock.url, MUTANTS.find((mutant) => mutant.name === 'a list that misses new items')!);
    try {
      const report = await runConformance({ baseUrl: broken.url, acceptCharges: true, parent: customer, seed: 2, runs: 50 });
      expect(report.failures[0]?.property).toBe('list-holds-live-profiles');
      expect(report.cleanup.deleted.length).toBeGreaterThan(0);
      expect(report.cleanup.leftover).toEqual([]);
      expect(await held(customer)).toEqual([]);
    } finally {
      await broken.stop();
    }
  });

  it('that could not be deleted are listed by id', async () => {
    const customer = await newCustomer();
    const failingDelete: Mutant = {
      name: 'a delete that fails',
      caughtBy: [],
      handle: async (request, forward) =>
        request.method === 'DELETE' ? { status: 503, headers: {}, body: '' } : forward(request),
    };
    const broken = await startBrokenTwin(mock.url, failingDelete);
    try {
      const report = await runConformance({ baseUrl: broken.url, acceptCharges: true, parent: customer, seed: 2, runs: 20 });
      const left = (await held(customer)) as { id: string }[];
      expect(left.length).toBeGreaterThan(0);
      expect(report.cleanup.leftover.map((entry) => entry.id).sort()).toEqual(left.map((profile) => profile.id).sort());
      expect(report.cleanup.leftover[0]!.reason).toBe('its delete did not answer 200 or 404');
    } finally {
      await broken.stop();
    }
  });
});

describe('a target that is not on this machine', () => {
  // A made-up remote host whose requests this fetch hands to the local mock: the runner sees a
  // remote target, so its remote defaults apply.
  const REMOTE = 'https://api.example.test/api';
  const viaMock = (seen: number[]): typeof fetch => (input, init) => {
    seen.push(Date.now());
    return fetch(String(input).replace(REMOTE, mock.url), init).then((response) => {
      const location = response.headers.get('location');
      if (location === null) return response;
      const headers = new Headers(response.headers);
      headers.set('location', location.replace(mock.url, REMOTE));
      return response.text().then((body) => new Response(body, { status: response.status, headers }));
    });
  };

  it('needs a token', async () => {
    await expect(runConformance({ baseUrl: REMOTE, fetch: viaMock([]) })).rejects.toThrow(/A token is needed/);
  });

  it(`is limited to ${REMOTE_DEFAULTS.rps} requests per second by default`, async () => {
    const starts: number[] = [];
    const report = await runConformance({ baseUrl: REMOTE, token: 'remote-token', parent: await newCustomer(), fetch: viaMock(starts), seed: 1, runs: 1, maxCommands: 3 });
    expect(report.failures).toEqual([]);
    expect(starts.length).toBeGreaterThan(5);
    const gaps = starts.slice(1).map((at, index) => at - starts[index]!);
    // The limiter starts each gap once fetch has been called, so no slack is needed however busy the machine is.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / REMOTE_DEFAULTS.rps);
  });

  it(`creates at most ${REMOTE_DEFAULTS.maxCreates} profiles by default`, async () => {
    const customer = await newCustomer();
    let created = 0;
    const counting: typeof fetch = async (input, init) => {
      const response = await viaMock([])(input, init);
      if (init?.method === 'POST' && response.status === 201) created += 1;
      return response;
    };
    const report = await runConformance({ baseUrl: REMOTE, token: 'remote-token', fetch: counting, acceptCharges: true, parent: customer, rps: 1000, seed: 4, runs: 20 });
    expect(report.failures).toEqual([]);
    expect(created).toBe(REMOTE_DEFAULTS.maxCreates);
    expect(await held(customer)).toEqual([]);
  });
});

describe('Ctrl-C', () => {
  it('stops the run, deletes what it created, and exits 130', async () => {
    const customer = await newCustomer();
    const bin = fileURLToPath(new URL('../bin/pbx-conformance.js', import.meta.url));
    const args = ['--base-url', mock.url, '--accept-charges', '--customer', `${customer.accountTenantId}/${customer.customerTenantId}`, '--runs', '1000', '--seed', '8'];
    const child = execFile(process.execPath, [bin, ...args]);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    // Once some profiles exist, interrupt.
    await expect.poll(async () => (await held(customer)).length, { timeout: 600_000, interval: 100 }).toBeGreaterThan(0);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, stdout + stderr).toBe(130);
    expect(stderr).toContain('Interrupted: deleting what this run created');
    expect(stdout).toContain('Interrupted: the run stopped before the end.');
    expect(await held(customer)).toEqual([]);
  });
});
