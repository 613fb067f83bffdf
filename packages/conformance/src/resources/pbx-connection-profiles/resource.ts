import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Parent, Resource, ResourceSession, RunContext } from '../../core/resource.js';
import { createBody, invalidOperation, patchOperations, unknownId } from './arbitraries.js';
import {
  CreateProfile,
  DeleteProfile,
  FindByInstance,
  GetAbsentProfile,
  GetProfile,
  ListProfiles,
  PatchProfile,
  PatchWithInvalidOperation,
} from './commands.js';
import { type Profile, type ProfileModel, type ProfileReal, dataOf } from './model.js';
import { type Customer, WRITE_HEADERS, profilePath, profilesPath } from './paths.js';
import { PROFILE_PROPERTIES, SECRET_FIELDS } from './properties.js';
import { checkInvalidRows } from './invalid-rows.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The PBX connection profiles of one customer, modelled for fast-check. */
export const pbxConnectionProfiles: Resource = {
  name: 'pbx-connection-profiles',
  properties: Object.values(PROFILE_PROPERTIES),
  secretFields: SECRET_FIELDS,
  parseParent(text) {
    const [accountTenantId, customerTenantId, ...rest] = text.split('/');
    if (rest.length > 0 || !GUID.test(accountTenantId ?? '') || !GUID.test(customerTenantId ?? '')) {
      return `--customer takes <accountTenantId>/<customerTenantId>, two GUIDs (got "${text}")`;
    }
    return { accountTenantId: accountTenantId!, customerTenantId: customerTenantId! };
  },
  open: openProfiles,
};

async function openProfiles(context: RunContext): Promise<ResourceSession> {
  const { session, checker, ledger, scope } = context;
  const fixed = scope.parent as Customer | undefined;
  // What the named customer holds before the run: every run's model starts from it.
  const snapshot = fixed ? await readSnapshot(context, fixed) : [];
  const enabling = scope.local;

  const commands = [
    fc.constant(new ListProfiles()),
    fc.nat({ max: 19 }).map((index) => new GetProfile(index)),
    fc.tuple(fc.nat({ max: 19 }), unknownId).map(([index, id]) => new GetAbsentProfile(index, id)),
    fc.tuple(fc.nat({ max: 19 }), fc.uuid()).map(([index, instance]) => new FindByInstance(index, `unused-${instance}`)),
    ...(scope.writes
      ? [
          createBody.map((body) => new CreateProfile(body)),
          fc.tuple(fc.nat({ max: 19 }), patchOperations(enabling)).map(([index, operations]) => new PatchProfile(index, operations)),
          fc
            .tuple(fc.nat({ max: 19 }), fc.array(patchOperations(enabling), { maxLength: 1 }), invalidOperation)
            .map(([index, valid, invalid]) => new PatchWithInvalidOperation(index, valid.flat(), invalid)),
          fc.nat({ max: 19 }).map((index) => new DeleteProfile(index)),
        ]
      : []),
  ];

  const where = fixed ? `customer ${fixed.accountTenantId}/${fixed.customerTenantId}` : 'a new customer, in a new account, for each run';
  return {
    plan: [
      `Writes under ${where} only.`,
      `At most ${Number.isFinite(ledger.maxCreates) ? ledger.maxCreates : 'unlimited'} profile create(s), each with made-up settings and a unique made-up PBX instance; each created profile is deleted at the end of its run.`,
      'Patches and deletes touch only profiles this run created; profiles already there are only read.',
      enabling ? 'Patches may set /enabled (a mock on this machine: no PBX is contacted).' : 'No profile is ever enabled, so the platform never connects to a PBX.',
      'Invalid requests of the fixture tables are sent once each (the API must refuse them with 400).',
    ],
    commands: commands as unknown as fc.Arbitrary<fc.AsyncCommand<object, unknown>>[],
    async setup() {
      const customer: Customer = fixed ?? (await freshCustomer(context));
      const model: ProfileModel = { live: snapshot.map((profile) => ({ ...profile })), deleted: [], ours: new Set(), writes: scope.writes, enabling, ledger };
      const real: ProfileReal = { session, checker, ledger, customer };
      return { model, real };
    },
    rows: async () => checkInvalidRows(context, fixed ?? (await freshCustomer(context))),
  };
}

/**
 * A customer of the run's own: on a target of our own (the only one that may write without a named
 * customer), a new account and a new customer in it, since profiles live only under a customer that
 * exists; elsewhere made-up ids, which only reads use.
 */
async function freshCustomer({ session, scope }: RunContext): Promise<Customer> {
  if (!scope.writes) return { accountTenantId: randomUUID(), customerTenantId: randomUUID() };
  const account = await session.send('POST', '/v1.0/accounts', { headers: WRITE_HEADERS, body: { name: 'Conformance run' } });
  const accountTenantId = String((dataOf(account.json) as { id?: unknown } | undefined)?.id ?? '');
  const customer = await session.send('POST', `/v1.0/accounts/${encodeURIComponent(accountTenantId)}/customers`, { headers: WRITE_HEADERS, body: { name: 'Conformance run' } });
  const customerTenantId = String((dataOf(customer.json) as { id?: unknown } | undefined)?.id ?? '');
  if (account.status !== 201 || customer.status !== 201) throw new Error(`Creating the run's customer answered ${account.status}, then ${customer.status}.`);
  return { accountTenantId, customerTenantId };
}

/** Every profile of the customer, read in full (a list, then a get of each). */
async function readSnapshot({ session }: RunContext, customer: Customer): Promise<Profile[]> {
  const list = await session.send('GET', profilesPath(customer));
  if (list.status !== 200 || !Array.isArray(dataOf(list.json))) {
    throw new Error(`The list of customer ${customer.accountTenantId}/${customer.customerTenantId} answered ${list.status}: check the ids and the token.`);
  }
  const profiles: Profile[] = [];
  for (const item of dataOf(list.json) as { id?: unknown }[]) {
    const answer = await session.send('GET', profilePath(customer, String(item.id)));
    const data = dataOf(answer.json);
    if (answer.status === 200 && typeof data === 'object' && data !== null) profiles.push(data as Profile);
  }
  return profiles;
}
