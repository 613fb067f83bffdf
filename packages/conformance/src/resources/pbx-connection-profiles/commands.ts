import type fc from 'fast-check';
import type { CreateBody, PatchOperation } from './arbitraries.js';
import { type Profile, type ProfileModel, type ProfileReal, dataOf, differences, instanceOf, sameId } from './model.js';
import { WRITE_HEADERS, findPath, profilePath, profilesPath } from './paths.js';
import { PROFILE_PROPERTIES as P } from './properties.js';

type Command = fc.AsyncCommand<ProfileModel, ProfileReal, false>;

const pick = <T>(items: T[], index: number): T => items[index % items.length]!;
const ourLive = (m: ProfileModel): Profile[] => m.live.filter((profile) => m.ours.has(profile.id));
const describe = (profile: Profile, m: ProfileModel): string => `profile #${m.live.indexOf(profile)}`;

/** POST, then GET of its Location: 201, the new profile, a Location on the target that leads to it. */
export class CreateProfile implements Command {
  constructor(readonly body: CreateBody) {}
  check = (m: Readonly<ProfileModel>): boolean => m.writes && m.ledger.budgetLeft > 0;
  async run(m: ProfileModel, r: ProfileReal): Promise<void> {
    if (!r.ledger.reserve()) return;
    const answer = await r.session.send('POST', profilesPath(r.customer), { headers: WRITE_HEADERS, body: this.body });
    const data = dataOf(answer.json) as Record<string, unknown> | undefined;
    const id = typeof data?.id === 'string' ? data.id : undefined;
    if (id !== undefined && answer.status < 300) r.ledger.created({ id, path: profilePath(r.customer, id) });
    r.checker.check(P.create.name, answer.status === 201, () => `create answered ${answer.status}, expected 201`);
    r.checker.check(P.create.name, id !== undefined, () => 'the 201 body has no data.id');
    if (id === undefined) return;
    const expected: Profile = {
      ...this.body,
      id,
      tenantId: r.customer.customerTenantId,
      enabled: false,
      countryCode: this.body.countryCode ?? data?.countryCode,
    };
    m.live.push(expected);
    m.ours.add(id);
    const location = answer.answerHeaders.location;
    r.checker.check(P.create.name, location !== undefined, () => 'the 201 has no Location header');
    const path = location === undefined ? undefined : r.session.apiPath(location);
    r.checker.check(P.create.name, path !== undefined, () => `Location ${location} is not on the target ${r.session.baseUrl.href}`);
    // Never followed off the target: the request carries the token.
    if (path === undefined) return;
    r.checker.check(P.create.name, sameId(path, profilePath(r.customer, id)), () => `Location ${location} is not the URL of the new profile ${id}`);
    const followed = await r.session.send('GET', path);
    r.checker.check(P.create.name, followed.status === 200, () => `GET of the Location answered ${followed.status}, expected 200`);
    const wrong = differences(expected, dataOf(followed.json));
    r.checker.check(P.readBack.name, wrong.length === 0, () => `GET of the new profile right after its create: ${wrong.join('; ')}`);
  }
  toString = (): string => `create(${this.body._type})`;
}

/** GET of a live profile: every field as created or last patched. */
export class GetProfile implements Command {
  constructor(readonly index: number) {}
  check = (m: Readonly<ProfileModel>): boolean => m.live.length > 0;
  async run(m: ProfileModel, r: ProfileReal): Promise<void> {
    const profile = pick(m.live, this.index);
    const answer = await r.session.send('GET', profilePath(r.customer, profile.id));
    r.checker.check(P.readBack.name, answer.status === 200, () => `GET of live ${describe(profile, m)} answered ${answer.status}, expected 200`);
    const wrong = differences(profile, dataOf(answer.json));
    r.checker.check(P.readBack.name, wrong.length === 0, () => `GET of ${describe(profile, m)}: ${wrong.join('; ')}`);
  }
  toString = (): string => `get(live #${this.index})`;
}

/** GET of a profile this run deleted, or of a random GUID when there is none: 404. */
export class GetAbsentProfile implements Command {
  constructor(
    readonly index: number,
    readonly unknownId: string,
  ) {}
  check = (): boolean => true;
  async run(m: ProfileModel, r: ProfileReal): Promise<void> {
    const deleted = m.deleted.length > 0 ? pick(m.deleted, this.index) : undefined;
    const id = deleted?.id ?? this.unknownId;
    const answer = await r.session.send('GET', profilePath(r.customer, id));
    const what = deleted ? 'a deleted profile' : 'a GUID no profile has';
    r.checker.check(P.absent.name, answer.status === 404, () => `GET of ${what} answered ${answer.status}, expected 404`);
  }
  toString = (): string => `getAbsent(#${this.index})`;
}

/** The customer's list: exactly the live profiles. */
export class ListProfiles implements Command {
  check = (): boolean => true;
  async run(m: ProfileModel, r: ProfileReal): Promise<void> {
    const answer = await r.session.send('GET', profilesPath(r.customer));
    r.checker.check(P.list.name, answer.status === 200, () => `list answered ${answer.status}, expected 200`);
    const items = (Array.isArray(dataOf(answer.json)) ? dataOf(answer.json) : []) as Record<string, unknown>[];
    const listed = new Map(items.map((item) => [String(item.id).toLowerCase(), item]));
    const missing = m.live.filter((profile) => !listed.has(profile.id.toLowerCase()));
    const extra = [...listed.keys()].filter((id) => !m.live.some((profile) => sameId(profile.id, id)));
    r.checker.check(P.list.name, missing.length === 0, () => `the list misses ${missing.map((profile) => describe(profile, m)).join(', ')}`);
    r.checker.check(P.list.name, extra.length === 0, () => `the list holds ${extra.length} profile(s) that are not live: ${extra.join(', ')}`);
    const pageSize = (answer.json as { page_size?: unknown } | undefined)?.page_size;
    r.checker.check(P.list.name, pageSize === items.length, () => `page_size is ${JSON.stringify(pageSize)} for ${items.length} item(s)`);
    for (const profile of m.live) {
      const item = listed.get(profile.id.toLowerCase());
      if (!item) continue;
      const wrong = differences({ _type: profile._type, name: profile.name }, item);
      r.checker.check(P.list.name, wrong.length === 0, () => `the list's ${describe(profile, m)}: ${wrong.join('; ')}`);
    }
  }
  toString = (): string => 'list()';
}

/** A valid patch of one of our profiles: 200, then a GET shows every operation applied. */
export class PatchProfile implements Command {
  constructor(
    readonly index: number,
    readonly operations: PatchOperation[],
  ) {}
  check = (m: Readonly<ProfileModel>): boolean => m.writes && ourLive(m as ProfileModel).length > 0;
  async run(m: ProfileModel, r: ProfileReal): Promise<void> {
    const profile = pick(ourLive(m), this.index);
    const answer = await r.session.send('PATCH', profilePath(r.customer, profile.id), { headers: WRITE_HEADERS, body: this.operations });
    r.checker.check(P.readBack.name, answer.status === 200, () => `a valid patch of ${describe(profile, m)} answered ${answer.status}, expected 200`);
    for (const operation of this.operations) {
      const field = operation.path.slice(1);
      profile[field] = field === 'enabled' ? operation.value === true || operation.value === 'true' : operation.value;
    }
    const read = await r.session.send('GET', profilePath(r.customer, profile.id));
    const wrong = differences(profile, dataOf(read.json));
    r.checker.check(P.readBack.name, read.status === 200 && wrong.length === 0, () => `GET after a patch of ${describe(profile, m)}: ${read.status === 200 ? wrong.join('; ') : `answered ${read.status}`}`);
  }
  toString = (): string => `patch(ours #${this.index}, ${this.operations.map((operation) => `${operation.path}=${JSON.stringify(operation.value)}`).join(', ')})`;
}

/** Valid operations followed by an invalid one: 400, and the profile is unchanged. */
export class PatchWithInvalidOperation implements Command {
  constructor(
    readonly index: number,
    readonly operations: PatchOperation[],
    readonly invalid: PatchOperation,
  ) {}
  check = (m: Readonly<ProfileModel>): boolean => m.writes && ourLive(m as ProfileModel).length > 0;
  async run(m: ProfileModel, r: ProfileReal): Promise<void> {
    const profile = pick(ourLive(m), this.index);
    const body = [...this.operations, this.invalid];
    const answer = await r.session.send('PATCH', profilePath(r.customer, profile.id), { headers: WRITE_HEADERS, body });
    r.checker.check(P.atomicPatch.name, answer.status === 400, () => `a patch ending in ${JSON.stringify(this.invalid)} answered ${answer.status}, expected 400`);
    const read = await r.session.send('GET', profilePath(r.customer, profile.id));
    const wrong = differences(profile, dataOf(read.json));
    r.checker.check(P.atomicPatch.name, read.status === 200 && wrong.length === 0, () => `after a refused patch, ${describe(profile, m)} changed: ${wrong.join('; ') || `GET answered ${read.status}`}`);
  }
  toString = (): string => `patchWithInvalidOperation(ours #${this.index}, then ${JSON.stringify(this.invalid)})`;
}

/** DELETE of one of our profiles: 200, then its GET answers 404. */
export class DeleteProfile implements Command {
  constructor(readonly index: number) {}
  check = (m: Readonly<ProfileModel>): boolean => m.writes && ourLive(m as ProfileModel).length > 0;
  async run(m: ProfileModel, r: ProfileReal): Promise<void> {
    const profile = pick(ourLive(m), this.index);
    const label = describe(profile, m);
    const answer = await r.session.send('DELETE', profilePath(r.customer, profile.id));
    if (answer.status === 200) r.ledger.deleted(profile.id);
    r.checker.check(P.absent.name, answer.status === 200, () => `delete of ${label} answered ${answer.status}, expected 200`);
    m.live.splice(m.live.indexOf(profile), 1);
    m.deleted.push(profile);
    const read = await r.session.send('GET', profilePath(r.customer, profile.id));
    r.checker.check(P.absent.name, read.status === 404, () => `GET of ${label} after its delete answered ${read.status}, expected 404`);
  }
  toString = (): string => `delete(ours #${this.index})`;
}

/** Find by the instance of one of our profiles (live or deleted), or of an instance nobody uses. */
export class FindByInstance implements Command {
  constructor(
    readonly index: number,
    readonly unusedInstance: string,
  ) {}
  check = (): boolean => true;
  async run(m: ProfileModel, r: ProfileReal): Promise<void> {
    const known = [...m.live, ...m.deleted].filter((profile) => m.ours.has(profile.id));
    const instance = known.length > 0 ? instanceOf(pick(known, this.index))! : this.unusedInstance;
    const owner = m.live.find((profile) => m.ours.has(profile.id) && instanceOf(profile) === instance);
    const answer = await r.session.send('GET', findPath(instance));
    const data = dataOf(answer.json) as { exists?: unknown; id?: unknown; tenantId?: unknown } | undefined;
    r.checker.check(P.find.name, answer.status === 200, () => `find by instance answered ${answer.status}, expected 200`);
    if (owner) {
      r.checker.check(
        P.find.name,
        data?.exists === true && sameId(data.id, owner.id) && sameId(data.tenantId, r.customer.customerTenantId),
        () => `find by the instance of live ${describe(owner, m)} answered ${JSON.stringify({ exists: data?.exists, id: data?.id })}, expected exists: true with its id`,
      );
    } else {
      const what = known.length > 0 ? 'the instance of a deleted profile' : 'an instance no profile uses';
      r.checker.check(P.find.name, data?.exists === false, () => `find by ${what} answered exists: ${JSON.stringify(data?.exists)}, expected false`);
    }
  }
  toString = (): string => `findByInstance(#${this.index})`;
}
