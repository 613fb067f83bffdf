// The reseller's paths of the profiles (/v1.0/customers/{customerTenantId}/pbxs) over HTTP: the
// same profiles as the account's paths, whichever family writes and whichever reads.
import { IDS, kazooCreate, threeCxCreate } from '@myreports/pbx-fixtures';
import { describe, expect, it } from 'vitest';
import { BEARER, PATHS, WRITE_HEADERS, call } from '../support/mock-client.js';
import { expectContract, useMock } from './support.js';

describe("the reseller's profile paths on the twin", () => {
  const mock = useMock();

  it('list the same profiles as the account path, in the same order', async () => {
    const reseller = await call(mock.url, 'GET', PATHS.resellerProfiles, { headers: BEARER });
    expect(reseller.status).toBe(200);
    expectContract('listResellerPbxConnectionProfiles', reseller);
    const account = await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER });
    expect(reseller.json.data).toEqual(account.json.data);
    expect(reseller.json.data.length).toBeGreaterThan(0);
  });

  it('a create on the reseller path is read, patched and deleted on the account path, and the other way round', async () => {
    const created = await call(mock.url, 'POST', PATHS.resellerProfiles, { headers: WRITE_HEADERS, body: threeCxCreate() });
    expect(created.status).toBe(201);
    expectContract('createResellerPbxConnectionProfile', created);
    const id = created.json.data.id as string;
    // Location is the reseller's own URL of the new profile.
    expect(created.headers.get('location')).toBe(`${mock.url}${PATHS.resellerProfile(id)}`);

    const viaAccount = await call(mock.url, 'GET', PATHS.profile(id), { headers: BEARER });
    expect(viaAccount.json.data).toEqual(created.json.data);

    const renamed = await call(mock.url, 'PATCH', PATHS.profile(id), { headers: WRITE_HEADERS, body: [{ op: 'replace', path: '/name', value: 'Renamed by the enterprise' }] });
    expect(renamed.status).toBe(200);
    const viaReseller = await call(mock.url, 'GET', PATHS.resellerProfile(id), { headers: BEARER });
    expectContract('getResellerPbxConnectionProfile', viaReseller);
    expect(viaReseller.json.data.name).toBe('Renamed by the enterprise');

    const enabled = await call(mock.url, 'PATCH', PATHS.resellerProfile(id), { headers: WRITE_HEADERS, body: [{ op: 'replace', path: '/enabled', value: true }] });
    expectContract('patchResellerPbxConnectionProfile', enabled);
    expect((await call(mock.url, 'GET', PATHS.profile(id), { headers: BEARER })).json.data.enabled).toBe(true);

    const deleted = await call(mock.url, 'DELETE', PATHS.resellerProfile(id), { headers: BEARER });
    expect(deleted.status).toBe(200);
    expectContract('deleteResellerPbxConnectionProfile', deleted);
    for (const path of [PATHS.profile(id), PATHS.resellerProfile(id)]) {
      const gone = await call(mock.url, 'GET', path, { headers: BEARER });
      expect(gone.status, path).toBe(404);
      expect(gone.json).toMatchObject({ error: 404, status: 'error' });
    }
  });

  it('a profile created on the account path is deleted on the reseller path', async () => {
    const created = await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: kazooCreate() });
    const deleted = await call(mock.url, 'DELETE', PATHS.resellerProfile(created.json.data.id), { headers: BEARER });
    expect(deleted.status).toBe(200);
    expect((await call(mock.url, 'GET', PATHS.profile(created.json.data.id), { headers: BEARER })).status).toBe(404);
  });

  it('an unknown profile is the 404 envelope, a profile of another customer too', async () => {
    const unknown = await call(mock.url, 'GET', PATHS.resellerProfile('0b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7'), { headers: BEARER });
    expect(unknown.status).toBe(404);
    expectContract('getResellerPbxConnectionProfile', unknown);
    const otherCustomer = `/v1.0/customers/7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/pbxs/${IDS.kazooPbxId}`;
    expect((await call(mock.url, 'GET', otherCustomer, { headers: BEARER })).status).toBe(404);
  });

  it('Prism refuses an invalid body on the reseller path as on the account path, naming the field', async () => {
    const answer = await call(mock.url, 'POST', PATHS.resellerProfiles, { headers: WRITE_HEADERS, body: { ...kazooCreate(), hostRest: 'not a url' } });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toMatch(/hostRest/);
    const noCharges = await call(mock.url, 'PATCH', PATHS.resellerProfile(), { headers: { ...BEARER, 'content-type': 'application/json' }, body: [{ op: 'replace', path: '/name', value: 'x' }] });
    expect(noCharges.status).toBe(400);
    expect(noCharges.json.message).toMatch(/accept-charges/);
  });
});
