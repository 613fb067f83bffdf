// Faults and latency on demand (src/test-tool/faults.ts): per request with Prefer, for the whole
// mock with --latency, --error-rate and --reset-rate; repeatable under --seed; never on the mock's
// own paths or on paths that are not the API's; a faulted write changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kazooCreate } from '@myreports/pbx-fixtures';
import { MockSetupError, type RunningMock, parseMockCommand, startMock } from '@myreports/pbx-mock';
import { BEARER, CONTROL, PATHS, WRITE_HEADERS, call } from './support/mock-client.js';

const mocks: RunningMock[] = [];
async function mockWith(options: Parameters<typeof startMock>[0]): Promise<RunningMock> {
  const mock = await startMock({ port: 0, logLevel: 'silent', ...options });
  mocks.push(mock);
  return mock;
}
afterAll(() => Promise.all(mocks.map((mock) => mock.stop())));

/** Milliseconds a request took, measured around it: a lower bound on the mock's wait. */
async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

describe('per request, with Prefer', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await mockWith({});
  });

  it('delay=300 answers after at least 300 ms, as usual otherwise', async () => {
    let answer: Awaited<ReturnType<typeof call>> | undefined;
    const took = await timed(async () => (answer = await call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, prefer: 'delay=300' } })));
    expect(took).toBeGreaterThanOrEqual(300);
    expect(answer?.status).toBe(200);
  });

  it('fault=503 and fault=429 answer the API envelope with Retry-After, and the write is not applied', async () => {
    const before = (await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).json.data.length;
    const unavailable = await call(mock.url, 'POST', PATHS.profiles, { headers: { ...WRITE_HEADERS, prefer: 'fault=503' }, body: kazooCreate() });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('1');
    expect(unavailable.json).toMatchObject({ status: 'error', error: 503, message: expect.stringContaining('Prefer: fault=503') });
    const limited = await call(mock.url, 'POST', PATHS.profiles, { headers: { ...WRITE_HEADERS, prefer: 'fault=429, retry-after=7' }, body: kazooCreate() });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).json.data).toHaveLength(before);
  });

  it('fault=reset closes the connection with no answer', async () => {
    await expect(call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, prefer: 'fault=reset' } })).rejects.toThrow(/fetch failed/);
    // The mock serves the next request as usual.
    expect((await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).status).toBe(200);
  });

  it('works beside the Prefer tokens Prism reads', async () => {
    const answer = await call(mock.url, 'GET', PATHS.profile(), { headers: { ...BEARER, prefer: 'code=404, delay=10' } });
    expect(answer.status).toBe(404);
  });

  it.each([
    ['delay=soon', 'Prefer delay must be a whole number of milliseconds from 0 to 60000, not "soon".'],
    ['delay=-1', 'Prefer delay must be a whole number of milliseconds from 0 to 60000, not "-1".'],
    ['delay=60001', 'Prefer delay must be a whole number of milliseconds from 0 to 60000, not "60001".'],
    ['fault=500', 'Prefer fault must be 429, 503 or reset, not "500".'],
    ['fault=429, retry-after=soon', 'Prefer retry-after must be a whole number of seconds, not "soon".'],
    ['retry-after=3', 'Prefer retry-after goes with fault=429 or fault=503.'],
  ])('Prefer: %s is refused with 400 naming the token', async (prefer, message) => {
    const answer = await call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, prefer } });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ status: 'error', error: 400, message: `Invalid request: ${message}` });
  });
});

describe('for the whole mock', () => {
  it('--error-rate 1 faults every API request, and never the mock\'s own paths or unknown paths', async () => {
    const mock = await mockWith({ errorRate: 1 });
    const statuses = await Promise.all(Array.from({ length: 10 }, async () => (await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).status));
    expect(statuses.every((status) => status === 503 || status === 429)).toBe(true);
    expect((await call(mock.url, 'POST', '/__mock/reset', { headers: CONTROL })).status).toBe(200);
    expect((await call(mock.url, 'GET', '/v1.0/unknown', { headers: BEARER })).status).toBe(404);
  });

  it('--error-rate 0 and no option: no fault in 50 requests', async () => {
    const mock = await mockWith({ errorRate: 0 });
    for (let index = 0; index < 50; index += 1) expect((await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).status).toBe(200);
  });

  it('--reset-rate 1 closes every API connection', async () => {
    const mock = await mockWith({ resetRate: 1 });
    await expect(call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).rejects.toThrow(/fetch failed/);
  });

  it('--latency 200-250 delays every answer by at least 200 ms', async () => {
    const mock = await mockWith({ latency: { min: 200, max: 250 } });
    expect(await timed(() => call(mock.url, 'GET', PATHS.profiles, { headers: BEARER }))).toBeGreaterThanOrEqual(200);
  });

  it('the same --seed gives the same faults in the same order; another seed others', async () => {
    const statuses = async (seed: string): Promise<number[]> => {
      const mock = await mockWith({ errorRate: 0.5, seed });
      const seen: number[] = [];
      for (let index = 0; index < 40; index += 1) seen.push((await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).status);
      return seen;
    };
    const first = await statuses('faults-a');
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
    expect(await statuses('faults-a')).toEqual(first);
    expect(await statuses('faults-b')).not.toEqual(first);
  });
});

describe('options', () => {
  it('reads --latency, --error-rate and --reset-rate, and their variables', () => {
    expect(parseMockCommand(['--latency', '50-200', '--error-rate', '0.1', '--reset-rate', '.05'], {}).options).toEqual({
      latency: { min: 50, max: 200 },
      errorRate: 0.1,
      resetRate: 0.05,
    });
    expect(parseMockCommand([], { PBX_MOCK_LATENCY: '100', PBX_MOCK_ERROR_RATE: '1' }).options).toEqual({ latency: { min: 100, max: 100 }, errorRate: 1 });
  });

  it.each([
    [['--error-rate', '2'], '--error-rate must be a number from 0 to 1 (0.1 is one request in ten), not "2".'],
    [['--reset-rate', 'often'], '--reset-rate must be a number from 0 to 1 (0.1 is one request in ten), not "often".'],
    [['--latency', '200-50'], '--latency must be a range of milliseconds from 0 to 60000, such as 50-200 (or { min: 50, max: 200 } in code), not {"min":200,"max":50}.'],
    [['--latency', 'slow'], '--latency must be a range of milliseconds from 0 to 60000, such as 50-200 (or { min: 50, max: 200 } in code), not "slow".'],
    [['proxy', 'https://api.example.com', '--error-rate', '0.1'], '--error-rate applies to the mock, not to proxy mode.'],
  ])('%j: "%s"', (args, message) => {
    expect(() => parseMockCommand(args, {})).toThrow(new MockSetupError(message));
  });

  it.each([[{ errorRate: -0.1 }], [{ resetRate: Number.NaN }], [{ latency: { min: 0, max: 70_000 } }]])('startMock(%j) is refused', async (options) => {
    await expect(startMock({ port: 0, logLevel: 'silent', ...options })).rejects.toThrow(MockSetupError);
  });
});
