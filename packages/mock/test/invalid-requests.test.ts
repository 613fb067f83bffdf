import {
  IDS,
  invalidAcceptCharges,
  invalidCreateBodies,
  invalidGuids,
  invalidInstanceIds,
  invalidPatchBodies,
  validCreateBodies,
  validPatchBodies,
} from '@myreports/pbx-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { type Answer, BEARER, PATHS, WRITE_HEADERS, call } from './support/mock-client.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, logLevel: 'silent' });
});
afterAll(() => mock?.stop());

const SECRETS = /licenseKey-licenseKey|password password|ABCDEF|Bearer test-token/;

/** The 400 error envelope, with a message naming `field` (a body pointer or a parameter). */
function expectRejected(answer: Answer, field: string): void {
  expect(answer.status).toBe(400);
  expect(answer.json).toMatchObject({ error: 400, status: 'error', message: expect.stringMatching(/^Invalid request: /) });
  expect(answer.json.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
  if (field) expect(answer.json.message).toContain(field);
  expect(answer.json.message).not.toMatch(SECRETS);
}

describe('the foundation invalid fixtures are all rejected with a 400 envelope naming the field', () => {
  it.each(invalidCreateBodies.map((row) => [row.name, row] as const))('create: %s', async (_, row) => {
    const answer = await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: row.value });
    expectRejected(answer, row.field);
  });

  it.each(invalidPatchBodies.map((row) => [row.name, row] as const))('patch: %s', async (_, row) => {
    const answer = await call(mock.url, 'PATCH', PATHS.profile(), { headers: WRITE_HEADERS, body: row.value });
    expectRejected(answer, row.field);
  });

  const pathIds = [
    ['accountTenantId', IDS.accountTenantId],
    ['customerTenantId', IDS.customerTenantId],
    ['pbxId', IDS.kazooPbxId],
  ] as const;
  const idCases = pathIds.flatMap(([parameter, id]) =>
    invalidGuids.flatMap((row) =>
      (['GET', 'DELETE'] as const).map((method) => [`${method} with ${parameter} ${row.name}`, method, parameter, id, row.value] as const),
    ),
  );
  it.each(idCases)('%s', async (_, method, parameter, id, value) => {
    const answer = await call(mock.url, method, PATHS.profile().replace(id, encodeURIComponent(value)), { headers: BEARER });
    expectRejected(answer, parameter);
    expect(answer.json.message).toContain(`path parameter ${parameter} must match format "uuid"`);
  });

  it.each(invalidAcceptCharges.flatMap((row) => (['POST', 'PATCH'] as const).map((method) => [`${method} with accept-charges ${row.name}`, method, row] as const)))(
    '%s',
    async (_, method, row) => {
      const { 'accept-charges': __, ...headers } = WRITE_HEADERS;
      const body = method === 'POST' ? validCreateBodies[0]!.value : validPatchBodies[0]!.value;
      const answer = await call(mock.url, method, method === 'POST' ? PATHS.profiles : PATHS.profile(), {
        headers: row.value === undefined ? headers : { ...headers, 'accept-charges': row.value },
        body,
      });
      expectRejected(answer, `header ${row.field}`);
    },
  );

  it.each(invalidInstanceIds.map((row) => [row.name, row] as const))('find with instanceId %s', async (_, row) => {
    const path = row.value === undefined ? '/v1.0/pbxs' : PATHS.find(row.value);
    expectRejected(await call(mock.url, 'GET', path, { headers: BEARER }), `query parameter ${row.field}`);
  });

  it('a body that is not JSON', async () => {
    const answer = await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: '{"_type": "KazooPbx' });
    expectRejected(answer, 'not valid JSON');
  });
});

describe('the valid fixtures pass, so the rejections above are about the fault', () => {
  it.each(validCreateBodies.map((row) => [row.name, row] as const))('create: %s gets 201 of its _type', async (_, row) => {
    const answer = await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: row.value });
    expect(answer.status).toBe(201);
    expect(answer.json.data._type).toBe((row.value as { _type: string })._type);
  });

  it.each(validPatchBodies.map((row) => [row.name, row] as const))('patch: %s gets 200', async (_, row) => {
    const answer = await call(mock.url, 'PATCH', PATHS.profile(), { headers: WRITE_HEADERS, body: row.value });
    expect(answer.status).toBe(200);
  });
});
