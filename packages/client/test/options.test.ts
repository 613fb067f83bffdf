// createClient checks its options once, with messages that name the option; regions map to the
// documented hosts; Retry-After is read in both of its forms.
import { describe, expect, test, vi } from 'vitest';
import { createClient, REGIONS, type ClientOptions } from '@myreports/pbx-client';
import { parseRetryAfter } from '../src/internal/transport.js';
import { regionBaseUrl } from '../src/core/regions.js';
import { customer } from './support/ids.js';

const okFetch = async () => new Response(JSON.stringify({ data: [], page_size: 0, status: 'success', timestamp: 't' }), { status: 200 });

describe('createClient options', () => {
  test.each([
    ['neither region nor baseUrl', { token: 't' }, 'Pass either region (au, eu, na, uk) or baseUrl, not both or neither.'],
    ['both region and baseUrl', { region: 'na', baseUrl: 'http://127.0.0.1:4010', token: 't' }, 'Pass either region (au, eu, na, uk) or baseUrl'],
    ['an unknown region', { region: 'us', token: 't' }, 'region must be one of au, eu, na, uk, not "us".'],
    ['a relative baseUrl', { baseUrl: '/api', token: 't' }, 'baseUrl must be an absolute http(s) URL.'],
    ['neither token nor getToken', { region: 'eu' }, 'Pass either token or getToken'],
    ['both token and getToken', { region: 'eu', token: 't', getToken: () => 't' }, 'Pass either token or getToken'],
    ['an empty token', { region: 'eu', token: '' }, 'token must be a non-empty string.'],
    ['a getToken that is not a function', { region: 'eu', getToken: 'abc' }, 'getToken must be a function.'],
    ['a fetch that is not a function', { region: 'eu', token: 't', fetch: {} }, 'fetch must be a function.'],
    ['a negative timeoutMs', { region: 'eu', token: 't', timeoutMs: -1 }, 'timeoutMs must be a number from 0 to 2147483647, not -1.'],
    ['an infinite timeoutMs', { region: 'eu', token: 't', timeoutMs: Infinity }, 'timeoutMs must be a number from 0 to 2147483647, not Infinity.'],
    // setTimeout fires a longer delay after about 1 ms: every call would time out at once.
    ['a timeoutMs past what a timer can wait', { region: 'eu', token: 't', timeoutMs: 2 ** 31 }, 'timeoutMs must be a number from 0 to 2147483647, not 2147483648.'],
    ['a maxRetryDelayMs past what a timer can wait', { region: 'eu', token: 't', maxRetryDelayMs: 30 * 24 * 3600 * 1000 }, 'maxRetryDelayMs must be a number from 0 to 2147483647'],
    ['fractional retries', { region: 'eu', token: 't', retries: 1.5 }, 'retries must be an integer from 0 to 10, not 1.5.'],
    ['retries as a string', { region: 'eu', token: 't', retries: '3' }, 'retries must be an integer from 0 to 10, not string.'],
    ['too many retries', { region: 'eu', token: 't', retries: 11 }, 'retries must be an integer from 0 to 10, not 11.'],
    ['a NaN retryDelayMs', { region: 'eu', token: 't', retryDelayMs: Number.NaN }, 'retryDelayMs must be a number from 0 to 2147483647, not NaN.'],
    ['a fractional maxResponseBytes', { region: 'eu', token: 't', maxResponseBytes: 1.5 }, 'maxResponseBytes must be an integer'],
    ['a logger without debug', { region: 'eu', token: 't', logger: {} }, 'logger.debug must be a function.'],
    ['a baseUrl that is not http(s)', { baseUrl: 'file:///etc/passwd', token: 't' }, 'baseUrl must be an absolute http(s) URL.'],
  ])('refuses %s', (_, options, message) => {
    expect(() => createClient(options as unknown as ClientOptions)).toThrow(TypeError);
    expect(() => createClient(options as unknown as ClientOptions)).toThrow(message);
  });

  test('the token never appears in an option error', () => {
    expect(() => createClient({ region: 'xx', token: 'secret-token-123' } as unknown as ClientOptions)).toThrow(/^(?!.*secret-token-123)/);
  });

  test('a baseUrl with user:pass@ is refused without repeating it', () => {
    const attempt = () => createClient({ baseUrl: 'https://admin:hunter2-secret@api.example.com/api', token: 't' });
    expect(attempt).toThrow(new TypeError('baseUrl must not contain credentials: pass token or getToken.'));
  });
});

describe('call options', () => {
  const pbx = createClient({ region: 'eu', token: 't', fetch: okFetch });
  test.each([
    ['a timeoutMs past what a timer can wait', { timeoutMs: 2 ** 31 }, 'timeoutMs must be a number from 0 to 2147483647, not 2147483648.'],
    ['negative retries', { retries: -1 }, 'retries must be an integer from 0 to 10, not -1.'],
    ['a signal that is not an AbortSignal', { signal: {} }, 'signal must be an AbortSignal.'],
    ['a header value that is not a string', { headers: { prefer: 404 } }, 'headers must map names to strings.'],
  ])('refuses %s, as a rejected promise', async (_, call, message) => {
    const pending = pbx.profiles.list(customer, call as never);
    await expect(pending).rejects.toThrow(TypeError);
    await expect(pending).rejects.toThrow(message);
  });
});

describe('regions', () => {
  test.each(REGIONS)('%s maps to the documented host and the /api base path', async (region) => {
    const urls: string[] = [];
    const pbx = createClient({ region, token: 't', fetch: async (request) => (urls.push(request.url), okFetch()) });
    await pbx.profiles.list(customer);
    expect(regionBaseUrl(region)).toBe(`https://api.${region}.myreports.cloud/api`);
    expect(urls).toEqual([`https://api.${region}.myreports.cloud/api/v1.0/accounts/${customer.accountTenantId}/customers/${customer.customerTenantId}/pbxs`]);
  });

  test('are the four of the spec', () => {
    expect(REGIONS).toEqual(['au', 'eu', 'na', 'uk']);
  });
});

describe('Retry-After', () => {
  test.each([
    ['seconds', '2', 2_000],
    ['zero', '0', 0],
    ['fractional seconds', '1.5', 1_500],
    ['negative seconds, as now', '-5', 0],
    ['a date in the past, as now', 'Wed, 21 Oct 2015 07:28:00 GMT', 0],
  ])('%s', (_, header, expected) => {
    expect(parseRetryAfter(header)).toBe(expected);
  });

  test('an HTTP date in the future', () => {
    // The clock stands still, so the wait is exact however long the machine takes between the lines.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('Sat, 05 Dec 2026 12:00:00 GMT') });
    try {
      expect(parseRetryAfter('Sat, 05 Dec 2026 12:00:10 GMT')).toBe(10_000);
    } finally {
      vi.useRealTimers();
    }
  });

  test.each([[null], [''], ['  '], ['soon']])('no usable value in %j', (header) => {
    expect(parseRetryAfter(header)).toBeUndefined();
  });
});
