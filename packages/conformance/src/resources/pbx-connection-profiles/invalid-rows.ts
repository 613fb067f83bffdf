import fc from 'fast-check';
import type { RunContext } from '../../core/resource.js';
import type { Exchange } from '../../core/session.js';
import { createBody } from './arbitraries.js';
import {
  type InvalidRow,
  invalidAcceptChargesHeaders,
  invalidCreates,
  invalidIds,
  invalidInstanceIdValues,
  invalidPatches,
  validCreates,
} from './fixture-tables.js';
import { dataOf } from './model.js';
import { type Customer, WRITE_HEADERS, findPath, profilePath, profilesPath } from './paths.js';
import { PROFILE_PROPERTIES } from './properties.js';

const PROPERTY = PROFILE_PROPERTIES.invalidRows.name;
/** How many failing rows a report lists before "and N more". */
const SHOWN = 10;

/**
 * Sends each invalid row of the fixture tables once and expects the documented `400` envelope whose
 * message names the row's field. Reads always; writes (creates, patches, `accept-charges` rows) only
 * when the run may write, and a create the API wrongly accepts is counted against the budget and
 * deleted with the rest, so `--max-creates` holds even then.
 */
export async function checkInvalidRows(context: RunContext, customer: Customer): Promise<void> {
  const { session, checker, ledger, scope } = context;
  const failed: string[] = [];
  const expectRefused = (what: string, exchange: Exchange, field: string): void => {
    const envelope = (exchange.json ?? {}) as { error?: unknown; status?: unknown; message?: unknown };
    let problem: string | undefined;
    if (exchange.status !== 400) problem = `answered ${exchange.status}`;
    else if (envelope.error !== 400 || envelope.status !== 'error' || typeof envelope.message !== 'string') problem = 'the 400 has no error envelope';
    else if (field !== '' && !envelope.message.includes(field)) problem = `the message does not name ${field}: ${JSON.stringify(envelope.message)}`;
    checker.check(PROPERTY, true, () => '');
    if (problem !== undefined) failed.push(`${what}: ${problem}`);
  };
  // A profile made by a create: the run's to delete. One the API should have refused (not
  // reserved beforehand) still counts against the budget.
  const keepTrack = (exchange: Exchange, reserved = false): void => {
    const id = (dataOf(exchange.json) as { id?: unknown } | undefined)?.id;
    if (exchange.method === 'POST' && exchange.status < 300 && typeof id === 'string') {
      if (!reserved) ledger.creates += 1;
      ledger.created({ id, path: profilePath(customer, id) });
    }
  };

  for (const row of invalidIds) {
    const account = await session.send('GET', profilesPath({ ...customer, accountTenantId: row.value }));
    expectRefused(`list with accountTenantId ${row.name}`, account, 'accountTenantId');
    const tenant = await session.send('GET', profilesPath({ ...customer, customerTenantId: row.value }));
    expectRefused(`list with customerTenantId ${row.name}`, tenant, 'customerTenantId');
    const profile = await session.send('GET', profilePath(customer, row.value));
    expectRefused(`get with pbxId ${row.name}`, profile, 'pbxId');
  }
  for (const row of invalidInstanceIdValues) {
    expectRefused(`find with instanceId ${row.name}`, await session.send('GET', findPath(row.value)), row.field);
  }

  if (scope.writes) {
    const skipped: string[] = [];
    const create = async (what: string, row: InvalidRow, headers: Record<string, string>): Promise<void> => {
      if (ledger.budgetLeft <= 0) {
        skipped.push(what);
        return;
      }
      const exchange = await session.send('POST', profilesPath(customer), { headers, body: row.value });
      keepTrack(exchange);
      expectRefused(what, exchange, row.field);
    };
    for (const row of invalidCreates) await create(`create ${row.name}`, row, WRITE_HEADERS);
    const valid = validCreates[0]!;
    for (const row of invalidAcceptChargesHeaders) {
      await create(`create with accept-charges ${row.name}`, { ...valid, field: row.field }, chargesHeader(row.value));
    }
    // Patch rows need a profile of this run's own.
    const target = ledger.reserve()
      ? await session.send('POST', profilesPath(customer), { headers: WRITE_HEADERS, body: sample() })
      : undefined;
    if (target) keepTrack(target, true);
    const id = (dataOf(target?.json) as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') {
      for (const row of invalidPatches) {
        const exchange = await session.send('PATCH', profilePath(customer, id), { headers: WRITE_HEADERS, body: row.value });
        expectRefused(`patch ${row.name}`, exchange, row.field);
      }
      for (const row of invalidAcceptChargesHeaders) {
        const exchange = await session.send('PATCH', profilePath(customer, id), {
          headers: chargesHeader(row.value),
          body: [{ op: 'replace', path: '/name', value: 'Renamed by an invalid request' }],
        });
        expectRefused(`patch with accept-charges ${row.name}`, exchange, row.field);
      }
    } else skipped.push('every patch row (no profile to patch: the create budget is spent or the create failed)');
    if (skipped.length > 0) context.note(`Invalid rows not sent, to stay within --max-creates: ${skipped.join(', ')}.`);
  } else {
    context.note('Invalid rows of creates and patches not sent (read-only).');
  }

  const more = failed.length > SHOWN ? `; and ${failed.length - SHOWN} more` : '';
  checker.check(PROPERTY, failed.length === 0, () => `${failed.length} invalid row(s) not refused as documented: ${failed.slice(0, SHOWN).join('; ')}${more}`);
}

/** `accept-charges` as a row has it: absent (`undefined`) or a wrong value. */
function chargesHeader(value: string | undefined): Record<string, string> {
  return value === undefined ? {} : { 'accept-charges': value };
}

/** One valid create body, with a unique instance as every create of the run. */
function sample(): Record<string, unknown> {
  return fc.sample(createBody, { seed: Date.now() % 2 ** 31, numRuns: 1 })[0]!;
}
