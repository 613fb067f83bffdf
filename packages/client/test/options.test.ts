// createClient checks its options once, with messages that name the option; regions map to the
// documented hosts; Retry-After is read in both of its forms.
import { describe, expect, test } from 'vitest';
import { createClient, REGIONS, regionBaseUrl, type ClientOptions } from '@myreports/pbx-client';
import { parseRetryAfter } from '../src/internal/resilient-fetch.js';
import { customer } from './support/ids.js';

const okFetch = async () => new Response(JSON.stringify({ data: [], page_size: 0, status: 'success', timestamp: 't' }), { status: 200 });

describe('createClient options', () => {
  test.each([
    ['neither region nor baseUrl', { token: 't' }, 'Pass either region (au, eu, na, uk) or baseUrl to createClient(), not both or neither.'],
    ['both region and baseUrl', { region: 'na', baseUrl: 'http://127.0.0.1:4010', token: 't' }, 'Pass either region (au, eu, na, uk) or baseUrl'],
    ['an unknown region', { region: 'us', token: 't' }, 'region must be one of au, eu, na, uk, not "us".'],
    ['a relative baseUrl', { baseUrl: '/api', token: 't' }, 'baseUrl must be an absolute URL'],
    ['neither token nor getToken', { region: 'eu' }, 'Pass either token or getToken'],
    ['both token and getToken', { region: 'eu', token: 't', getToken: () => 't' }, 'Pass either token or getToken'],
    ['an empty token', { region: 'eu', token: '' }, 'token must be a non-empty string.'],
    ['a getToken that is not a function', { region: 'eu', getToken: 'abc' }, 'getToken must be a function.'],
    ['a fetch that is not a function', { region: 'eu', token: 't', fetch: {} }, 'fetch must be a function.'],
    ['a negative timeoutMs', { region: 'eu', token: 't', timeoutMs: -1 }, 'timeoutMs must be a number ≥ 0, not -1.'],
    ['an infinite timeoutMs', { region: 'eu', token: 't', timeoutMs: Infinity }, 'timeoutMs must be a number ≥ 0, not Infinity.'],
    ['fractional retries', { region: 'eu', token: 't', retries: 1.5 }, 'retries must be an integer ≥ 0, not 1.5.'],
    ['retries as a string', { region: 'eu', token: 't', retries: '3' }, 'retries must be an integer ≥ 0, not 3.'],
    ['a NaN retryDelayMs', { region: 'eu', token: 't', retryDelayMs: Number.NaN }, 'retryDelayMs must be a number ≥ 0, not NaN.'],
  ])('refuses %s', (_, options, message) => {
    expect(() => createClient(options as unknown as ClientOptions)).toThrow(TypeError);
    expect(() => createClient(options as unknown as ClientOptions)).toThrow(message);
  });

  test('the token never appears in an option error', () => {
    expect(() => createClient({ region: 'xx', token: 'secret-token-123' } as unknown as ClientOptions)).toThrow(/^(?!.*secret-token-123)/);
  });
});

describe('regions', () => {
  test.each(REGIONS)('%s maps to the documented host and the /api base path', async (region) => {
    const urls: string[] = [];
    const pbx = createClient({ region, token: 't', fetch: async (request) => (urls.push(request.url), okFetch()) });
    await pbx.list(customer);
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
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter(inTenSeconds)).toBeGreaterThan(8_000);
    expect(parseRetryAfter(inTenSeconds)).toBeLessThanOrEqual(10_000);
  });

  test.each([[null], [''], ['  '], ['soon']])('no usable value in %j', (header) => {
    expect(parseRetryAfter(header)).toBeUndefined();
  });
});
