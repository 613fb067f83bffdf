import { IDS, kazooCreate, watchLog } from '@myreports/pbx-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ResponderRequest, type RunningMock, startMock } from '@myreports/pbx-mock';
import { BEARER, PATHS, WRITE_HEADERS, call } from './support/mock-client.js';

const PROFILE = { id: IDS.threeCxPbxId, name: 'Twin', _type: 'KazooPbxConnectionProfile', tenantId: IDS.customerTenantId };
const envelopeOf = (data: unknown) => ({ data, status: 'success', timestamp: '2026-12-01T10:00:00.0000000Z' });

describe('the responder hook', () => {
  const seen: ResponderRequest[] = [];
  const log = watchLog();
  let mock: RunningMock;
  let strict: RunningMock;

  beforeAll(async () => {
    const respond = (request: ResponderRequest) => {
      seen.push(request);
      if (request.operationId === 'getPbxConnectionProfile' && request.pathParams.pbxId === IDS.threeCxPbxId) {
        return { status: 200, headers: { 'X-Twin': 'yes' }, body: envelopeOf(PROFILE) };
      }
      // An answer the spec does not allow: a list without page_size.
      if (request.operationId === 'listPbxConnectionProfiles') return { status: 200, body: { data: 'not a list' } };
      if (request.operationId === 'deletePbxConnectionProfile') throw new Error('injected fault');
      return undefined;
    };
    [mock, strict] = await Promise.all([
      startMock({ port: 0, logLevel: 'silent', respond }),
      startMock({ port: 0, logLevel: 'error', log: log.log, respond, strict: true }),
    ]);
  });
  afterAll(() => Promise.all([mock?.stop(), strict?.stop()]));

  it('answers a valid request in place of the example, and gets the request in the documented shape', async () => {
    seen.length = 0;
    const answer = await call(mock.url, 'GET', `${PATHS.profile(IDS.threeCxPbxId)}`, { headers: { ...BEARER, 'X-Trace': 'A' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-twin')).toBe('yes');
    expect(answer.json).toEqual(envelopeOf(PROFILE));
    expect(seen).toEqual([
      {
        operationId: 'getPbxConnectionProfile',
        method: 'GET',
        path: PATHS.profile(IDS.threeCxPbxId),
        pathParams: { accountTenantId: IDS.accountTenantId, customerTenantId: IDS.customerTenantId, pbxId: IDS.threeCxPbxId },
        query: {},
        headers: expect.objectContaining({ authorization: 'Bearer test-token', 'x-trace': 'A' }),
        body: undefined,
      },
    ]);
  });

  it('hands over the parsed body and the query under the spec names', async () => {
    seen.length = 0;
    await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: kazooCreate() });
    await call(mock.url, 'GET', '/v1.0/pbxs?InstanceId=12345', { headers: BEARER });
    expect(seen.map((request) => [request.operationId, request.body, request.query])).toEqual([
      ['createPbxConnectionProfile', kazooCreate(), {}],
      ['findPbxConnectionProfileByInstance', undefined, { instanceId: '12345' }],
    ]);
  });

  it('undefined leaves the answer to Prism: the spec example, with the mock Location', async () => {
    const answer = await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: kazooCreate() });
    expect(answer.status).toBe(201);
    expect(answer.json.data.id).toBe(IDS.kazooPbxId);
    expect(answer.headers.get('location')).toBe(`${mock.url}${PATHS.profile(IDS.kazooPbxId)}`);
  });

  it('is not asked about invalid requests, nor when Prefer picks the answer', async () => {
    seen.length = 0;
    expect((await call(mock.url, 'GET', PATHS.profile('not-a-guid'), { headers: BEARER })).status).toBe(400);
    expect((await call(mock.url, 'GET', PATHS.profile(IDS.threeCxPbxId), {})).status).toBe(401);
    const picked = await call(mock.url, 'GET', PATHS.profile(IDS.threeCxPbxId), { headers: { ...BEARER, prefer: 'example=ThreeCxProfile' } });
    expect(picked.json.data.name).not.toBe('Twin');
    expect((await call(mock.url, 'GET', PATHS.profile(IDS.threeCxPbxId), { headers: { ...BEARER, prefer: 'code=404' } })).status).toBe(404);
    expect(seen).toEqual([]);
  });

  it('without strict, an answer that breaks the contract goes out as it is', async () => {
    const answer = await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER });
    expect(answer.json).toEqual({ data: 'not a list' });
  });

  it('with strict, Prism validates the answer: a violation is a 500 envelope and a log line', async () => {
    const answer = await call(strict.url, 'GET', PATHS.profiles, { headers: BEARER });
    expect(answer.status).toBe(500);
    expect(answer.json).toMatchObject({ error: 500, status: 'error', message: expect.stringContaining('breaks the contract: response.body') });
    await log.until(/GET\s+\/v1\.0\/accounts\/.+\/pbxs → 500 .*breaks the contract/);
    // A conforming answer of the responder, and Prism's own, pass.
    expect((await call(strict.url, 'GET', PATHS.profile(IDS.threeCxPbxId), { headers: BEARER })).status).toBe(200);
    expect((await call(strict.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: kazooCreate() })).status).toBe(201);
  });

  it('a fault inside the engine (a responder that throws) answers 500 with the envelope and a log line; the next request is served', async () => {
    const failed = await call(strict.url, 'DELETE', PATHS.profile(), { headers: BEARER });
    expect(failed.status).toBe(500);
    expect(failed.json).toMatchObject({ error: 500, status: 'error', message: expect.stringContaining('the next one is served as usual') });
    expect(failed.text).not.toContain('injected fault');
    await log.until(/DELETE .* → 500 .*engine fault: Error: injected fault/);
    expect(log.text()).not.toContain('test-token');
    const next = await call(strict.url, 'GET', PATHS.profile(IDS.threeCxPbxId), { headers: BEARER });
    expect(next.status).toBe(200);
  });
});
