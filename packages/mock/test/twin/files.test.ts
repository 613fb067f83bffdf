import { appendFile, chmod, copyFile, lstat, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockSetupError } from '../../src/options.js';
import { STATE_FORMAT, STATE_VERSION, createTwin } from '../../src/twin/index.js';
import { IDS, kazooCreate, profilesIn, requests, spec } from './support.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pbx-twin-'));
});
afterEach(async () => {
  await chmod(folder, 0o755).catch(() => {});
  await rm(folder, { recursive: true, force: true });
});

const newTwin = (options = {}) => createTwin(spec, options);
const OTHER_CUSTOMER = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const seeded = {
  _type: 'KazooPbxConnectionProfile',
  id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Seeded',
  tenantId: OTHER_CUSTOMER,
  accountId: 'seed-account',
};

async function file(name: string, content: unknown): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** The profiles a state file holds, in the current format. */
async function savedProfiles(state: string): Promise<unknown[]> {
  return JSON.parse(await readFile(state, 'utf8')).collections['pbx-connection-profiles'];
}

describe('seed file', () => {
  it('starts from the profiles of the file, and reset goes back to them', async () => {
    const seed = await file('seed.json', { profiles: [seeded] });
    const twin = await newTwin({ seed: { file: seed } });
    expect(profilesIn(twin)).toBe(1);
    expect((twin.respond(requests.get(seeded.id, OTHER_CUSTOMER))!.body as any).data).toEqual(seeded);
    expect((twin.respond(requests.find('seed-account'))!.body as any).data.exists).toBe(true);
    expect(twin.respond(requests.get(IDS.kazooPbxId))!.status).toBe(404);
    twin.respond(requests.delete(seeded.id, OTHER_CUSTOMER));
    await twin.reset();
    expect(twin.respond(requests.get(seeded.id, OTHER_CUSTOMER))!.status).toBe(200);
  });

  it.each([
    { name: 'a missing file', content: undefined, reason: /seed\.json does not exist/ },
    { name: 'a file that is not JSON', content: '{"profiles": [', reason: /seed\.json: not valid JSON/ },
    { name: 'a bare array', content: [seeded], reason: /seed\.json: a seed file is a JSON object with a "collections" object \(or, as before version 2, a "profiles" array\)/ },
    { name: 'neither collections nor profiles', content: { format: STATE_FORMAT }, reason: /seed\.json: a seed file is a JSON object with a "collections" object/ },
    { name: 'collections not an object', content: { collections: [] }, reason: /seed\.json: collections must be an object of arrays, by resource/ },
    { name: 'an unknown resource', content: { collections: { 'pbx-profiles': [] } }, reason: /collections\/pbx-profiles is not a resource of this mock \(expected "accounts", "customers", "customer-users", "pbx-connection-profiles"\)/ },
    { name: 'profiles twice', content: { profiles: [], collections: { 'pbx-connection-profiles': [] } }, reason: /collections\/pbx-connection-profiles repeats the profiles of another field/ },
    { name: 'a bad profile under collections', content: { collections: { 'pbx-connection-profiles': [{ ...seeded, id: undefined }] } }, reason: /seed\.json: collections\/pbx-connection-profiles\/0\/id is required/ },
    { name: 'profiles not an array', content: { profiles: {} }, reason: /seed\.json: profiles must be an array/ },
    { name: 'a misspelt top-level field', content: { profiles: [], profile: [] }, reason: /unknown top-level field "profile"/ },
    { name: 'a profile without id', content: { profiles: [{ ...seeded, id: undefined }] }, reason: /seed\.json: profiles\/0\/id is required/ },
    { name: 'a tenantId that is not a GUID', content: { profiles: [{ ...seeded, tenantId: 'tenant' }] }, reason: /profiles\/0\/tenantId must/ },
    { name: 'a Kazoo profile with a bad hostRest', content: { profiles: [seeded, { ...seeded, id: IDS.kazooPbxId, hostRest: 'ftp://x' }] }, reason: /profiles\/1\/hostRest must/ },
    { name: 'a repeated id', content: { profiles: [seeded, { ...seeded, id: seeded.id.toUpperCase() }] }, reason: /profiles\/1\/id repeats the id of profiles\/0/ },
    { name: 'more profiles than the cap', content: { profiles: [seeded, { ...seeded, id: IDS.kazooPbxId }] }, reason: /holds 2 profiles, more than the limit of 1/, options: { maxItems: 1 } },
  ])('refuses $name with the path and the reason', async ({ content, reason, options }) => {
    const seed = content === undefined ? join(folder, 'seed.json') : await file('seed.json', content);
    await expect(newTwin({ seed: { file: seed }, ...options })).rejects.toThrow(reason);
    await expect(newTwin({ seed: { file: seed }, ...options })).rejects.toThrow(seed);
  });

  it('reads the collections of the current format, and a state file as a seed', async () => {
    const seed = await file('seed.json', { format: STATE_FORMAT, version: STATE_VERSION, collections: { 'pbx-connection-profiles': [seeded] } });
    const twin = await newTwin({ seed: { file: seed } });
    expect(profilesIn(twin)).toBe(1);
    expect((twin.respond(requests.get(seeded.id, OTHER_CUSTOMER))!.body as any).data).toEqual(seeded);
  });

  it('names at most 10 reasons of a file full of bad profiles', async () => {
    const seed = await file('seed.json', { profiles: Array.from({ length: 30 }, () => ({ _type: 'KazooPbxConnectionProfile' })) });
    const error = await newTwin({ seed: { file: seed } }).catch((caught: Error) => caught);
    expect((error as Error).message).toMatch(/; and \d+ more\.$/);
    expect((error as Error).message.split('; ').length).toBeLessThanOrEqual(11);
  });
});

describe('state file', () => {
  /** What a crashed twin leaves: the state file and its journal, without the lock of the process that held them. */
  async function crashedCopy(state: string): Promise<string> {
    const copy = join(folder, 'copy.json');
    await copyFile(state, copy);
    await copyFile(`${state}.journal`, `${copy}.journal`);
    return copy;
  }

  it('is created at start, follows every change, and is what the next start holds', async () => {
    const state = join(folder, 'state.json');
    const twin = await newTwin({ stateFile: state });
    expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ format: STATE_FORMAT, version: STATE_VERSION, collections: { 'pbx-connection-profiles': expect.any(Array) } });
    const created = (twin.respond(requests.create({ ...kazooCreate(), name: 'Kept' }))!.body as any).data;
    twin.respond(requests.delete(IDS.threeCxPbxId));
    await twin.close();

    const next = await newTwin({ stateFile: state });
    expect((next.respond(requests.get(created.id))!.body as any).data).toEqual(created);
    expect(next.respond(requests.get(IDS.threeCxPbxId))!.status).toBe(404);
    expect(profilesIn(next)).toBe(3); // the 3 example profiles, one created, one deleted
    await next.close();
  });

  it('answers a change with a promise that resolves once the journal holds it', async () => {
    const state = join(folder, 'state.json');
    const twin = await newTwin({ stateFile: state, seed: 'empty' });
    const created = twin.respond(requests.create({ ...kazooCreate(), name: 'Journaled' }))!;
    expect(created.saved).toBeInstanceOf(Promise);
    await created.saved;
    const id = (created.body as any).data.id;
    expect(await readFile(`${state}.journal`, 'utf8')).toContain(id);
    const patched = twin.respond(requests.patch(id, [{ op: 'replace', path: '/name', value: 'Renamed' }]))!;
    await patched.saved;
    // Reads change nothing and wait for nothing.
    expect(twin.respond(requests.get(id))!.saved).toBeUndefined();

    const next = await newTwin({ stateFile: await crashedCopy(state), seed: 'empty' });
    expect((next.respond(requests.get(id))!.body as any).data.name).toBe('Renamed');
    await next.close();
    await twin.close();
  });

  it('after a reset holds the seed again', async () => {
    const state = join(folder, 'state.json');
    const twin = await newTwin({ stateFile: state, seed: 'empty' });
    await twin.respond(requests.create(kazooCreate()))!.saved;
    await twin.reset();
    const next = await newTwin({ stateFile: await crashedCopy(state), seed: 'examples' });
    expect(profilesIn(next)).toBe(0);
    await next.close();
    await twin.close();
    expect(await savedProfiles(state)).toEqual([]);
  });

  it('after a restore holds the restored state', async () => {
    const state = join(folder, 'state.json');
    const twin = await newTwin({ stateFile: state, seed: 'empty' });
    await twin.restore({ collections: { 'pbx-connection-profiles': [seeded] } });
    const next = await newTwin({ stateFile: await crashedCopy(state), seed: 'empty' });
    expect((next.respond(requests.get(seeded.id, OTHER_CUSTOMER))!.body as any).data).toEqual(seeded);
    await next.close();
    await twin.close();
  });

  it('shares syncs among a burst of changes, and leaves the state file alone once stopped', async () => {
    const state = join(folder, 'state.json');
    const twin = await newTwin({ stateFile: state, seed: 'empty' });
    const answers = Array.from({ length: 200 }, (_, index) => twin.respond(requests.create({ ...kazooCreate(), name: `PBX ${index}` }))!);
    await Promise.all(answers.map((answer) => answer.saved));
    expect((await readFile(`${state}.journal`, 'utf8')).trim().split('\n')).toHaveLength(201);
    expect((await readdir(folder)).sort()).toEqual(['state.json', 'state.json.journal', 'state.json.lock']);
    await twin.close();
    expect(await savedProfiles(state)).toHaveLength(200);
    expect(await readdir(folder)).toEqual(['state.json']);
  });

  it('appends a change to the journal instead of rewriting the state file, and compacts once the journal outgrows it', async () => {
    const state = join(folder, 'state.json');
    const twin = await newTwin({ stateFile: state, seed: 'empty' });
    const before = await stat(state);
    await twin.respond(requests.create(kazooCreate()))!.saved;
    expect((await stat(state)).ino).toBe(before.ino);
    expect((await stat(`${state}.journal`)).size).toBeLessThan(1_000);
    // 50 profiles of 100 KB: past the 4 MiB below which a journal is never compacted.
    const big = Array.from({ length: 50 }, () => twin.respond(requests.create({ ...kazooCreate(), apiKey: 'k'.repeat(100_000) }))!);
    await Promise.all(big.map((answer) => answer.saved));
    // The journal syncs its batches in turn, compacting between two: once a later change is saved, the compaction is done.
    await twin.respond(requests.create(kazooCreate()))!.saved;
    expect((await stat(state)).ino).not.toBe(before.ino);
    expect((await savedProfiles(state)).length).toBeGreaterThan(40);
    expect((await stat(`${state}.journal`)).size).toBeLessThan(4 * 1024 * 1024);
    await twin.close();
  });

  it('ignores a torn last line of the journal (a crash in the middle of a write, never answered)', async () => {
    const state = join(folder, 'state.json');
    const twin = await newTwin({ stateFile: state, seed: 'empty' });
    await twin.respond(requests.create({ ...kazooCreate(), name: 'Whole' }))!.saved;
    const copy = await crashedCopy(state);
    await twin.close();
    await appendFile(`${copy}.journal`, '{"put":"pbx-connection-profiles","item":{"_type":"Kaz');
    const next = await newTwin({ stateFile: copy, seed: 'empty' });
    expect(profilesIn(next)).toBe(1);
    await next.close();
    expect(await readdir(folder)).not.toContain('copy.json.journal');
  });

  it.each([
    { name: 'a corrupt line before the last', journal: (text: string) => `${text}{"put":\n{"delete":"pbx-connection-profiles","id":"x"}\n`, reason: /copy\.json\.journal line 3: not valid JSON/ },
    { name: 'a change of an unknown resource', journal: (text: string) => `${text}{"put":"pbx-profiles","item":{}}\n`, reason: /copy\.json\.journal: line 3 is not a change of this mock's resources/ },
    { name: 'a bad profile', journal: (text: string) => `${text}{"put":"pbx-connection-profiles","item":{"id":"x"}}\n`, reason: /copy\.json\.journal: collections\/pbx-connection-profiles after the journal\/1\/_type is required/ },
    { name: 'a foreign file', journal: () => 'hello\nworld\n', reason: /copy\.json\.journal is not a journal of this mock/ },
  ])('refuses a journal with $name, and leaves both files untouched', async ({ journal, reason }) => {
    const state = join(folder, 'state.json');
    const twin = await newTwin({ stateFile: state, seed: 'empty' });
    await twin.respond(requests.create(kazooCreate()))!.saved;
    const copy = await crashedCopy(state);
    await twin.close();
    await writeFile(`${copy}.journal`, journal(await readFile(`${copy}.journal`, 'utf8')));
    const before = [await readFile(copy, 'utf8'), await readFile(`${copy}.journal`, 'utf8')];
    const error = await newTwin({ stateFile: copy }).catch((caught: Error) => caught);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toMatch(/Refusing to start so as not to replace it/);
    expect([await readFile(copy, 'utf8'), await readFile(`${copy}.journal`, 'utf8')]).toEqual(before);
    expect((await readdir(folder)).sort()).toEqual(['copy.json', 'copy.json.journal', 'state.json']);
  });

  it('refuses a journal whose state file is gone', async () => {
    const state = join(folder, 'state.json');
    await writeFile(`${state}.journal`, '');
    await expect(newTwin({ stateFile: state })).rejects.toThrow(`State file ${state} does not exist but its journal ${state}.journal does`);
  });

  it('refuses a second twin on the same file until the first is stopped', async () => {
    const state = join(folder, 'state.json');
    const twin = await newTwin({ stateFile: state });
    await expect(newTwin({ stateFile: state })).rejects.toThrow(`State file ${state} is in use by another mock (this process, as ${state}.lock says)`);
    await twin.close();
    await (await newTwin({ stateFile: state })).close();
  });

  it('follows a symbolic link: writes its target, keeps the link; refuses a link to nowhere', async () => {
    const target = join(folder, 'real.json');
    const link = join(folder, 'state.json');
    await symlink(target, link);
    await expect(newTwin({ stateFile: link })).rejects.toThrow(`State file ${link} is a symbolic link to a path that does not exist`);
    await writeFile(target, JSON.stringify({ format: STATE_FORMAT, version: 2, collections: { 'pbx-connection-profiles': [seeded] } }));
    const twin = await newTwin({ stateFile: link });
    const created = (twin.respond(requests.create(kazooCreate(), OTHER_CUSTOMER))!.body as any).data;
    await twin.close();
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect((await savedProfiles(target)).map((profile: any) => profile.id)).toEqual([seeded.id, created.id]);
  });

  it.each([
    { name: 'a folder', make: (path: string) => mkdir(path), reason: 'is a folder, not a regular file' },
  ])('refuses $name in place of the file', async ({ make, reason }) => {
    const state = join(folder, 'state.json');
    await make(state);
    await expect(newTwin({ stateFile: state })).rejects.toThrow(`State file ${state} ${reason}`);
    await expect(newTwin({ seed: { file: state } })).rejects.toThrow(`Seed file ${state} ${reason}`);
  });

  it('reads a state file and a seed file that start with a UTF-8 byte order mark', async () => {
    const state = await file('state.json', `\uFEFF${JSON.stringify({ format: STATE_FORMAT, version: 2, collections: { 'pbx-connection-profiles': [seeded] } })}`);
    const twin = await newTwin({ stateFile: state });
    expect(profilesIn(twin)).toBe(1);
    await twin.close();
    const seed = await file('seed.json', `\uFEFF${JSON.stringify({ profiles: [seeded] })}`);
    expect(profilesIn(await newTwin({ seed: { file: seed } }))).toBe(1);
  });

  it('refuses a deeply nested file with a message, before anything overflows the stack', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const seed = await file('seed.json', `{"profiles":[${JSON.stringify(seeded).slice(0, -1)},"x":${deep}}]}`);
    const error = await newTwin({ seed: { file: seed } }).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(MockSetupError);
    expect((error as Error).message).toBe(`${seed}: it nests arrays and objects more than 100 levels deep.`);
    const state = await file('state.json', `{"format":"${STATE_FORMAT}","version":2,"collections":{"pbx-connection-profiles":[${JSON.stringify(seeded).slice(0, -1)},"x":${deep}}]}}`);
    await expect(newTwin({ stateFile: state })).rejects.toThrow(/nests arrays and objects more than 100 levels deep\. Refusing to start/);
  });

  it.each([
    { name: 'a corrupt file', content: '{"format": "pbx-mock-state", "version": 1, "profiles": [', reason: /not valid JSON/ },
    { name: 'an empty file', content: '', reason: /not valid JSON/ },
    { name: 'a foreign JSON file', content: { name: 'my-package', version: '1.0.0' }, reason: /is not a state file of this mock \(no "format": "pbx-mock-state"\)/ },
    { name: 'a seed file', content: { profiles: [] }, reason: /is not a state file of this mock/ },
    { name: 'another version', content: { format: STATE_FORMAT, version: 4, collections: {} }, reason: /has version 4; this mock reads versions 1, 2 and 3/ },
    { name: 'no version', content: { format: STATE_FORMAT, collections: {} }, reason: /has version undefined; this mock reads versions 1, 2 and 3/ },
    { name: 'a bad profile', content: { format: STATE_FORMAT, version: 1, profiles: [{ ...seeded, name: '' }] }, reason: /profiles\/0\/name must not be empty/ },
  ])('refuses $name, says why, and leaves it untouched', async ({ content, reason }) => {
    const state = await file('state.json', content);
    const before = await readFile(state, 'utf8');
    const error = await newTwin({ stateFile: state }).catch((caught: Error) => caught);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toContain(state);
    expect((error as Error).message).toMatch(/Refusing to start so as not to replace it/);
    expect(await readFile(state, 'utf8')).toBe(before);
    expect(await readdir(folder)).toEqual(['state.json']);
  });

  it('still reads a state file of version 1 ({ "profiles": [...] }), and writes it back in the current version', async () => {
    const state = await file('state.json', { format: STATE_FORMAT, version: 1, profiles: [seeded] });
    const twin = await newTwin({ stateFile: state });
    expect(profilesIn(twin)).toBe(1);
    expect((twin.respond(requests.get(seeded.id, OTHER_CUSTOMER))!.body as any).data).toEqual(seeded);
    expect((twin.respond(requests.find('seed-account'))!.body as any).data.id).toBe(seeded.id);
    // Its profiles' customer is a placeholder now, under which new profiles go as well.
    expect(twin.respond(requests.create(kazooCreate(), OTHER_CUSTOMER))!.status).toBe(201);
    await twin.close();
    expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ format: STATE_FORMAT, version: STATE_VERSION });
    expect((await savedProfiles(state))[0]).toEqual(seeded);
    expect(await savedProfiles(state)).toHaveLength(2);
  });

  it('names the missing folder of a state file', async () => {
    const missing = join(folder, 'no', 'such', 'folder');
    await expect(newTwin({ stateFile: join(missing, 'state.json') })).rejects.toThrow(
      `The folder ${missing} of state file ${join(missing, 'state.json')} does not exist: create it or choose another state file.`,
    );
  });

  it('fails a clean stop that cannot write the state file, with the reason', async () => {
    const sub = join(folder, 'sub');
    await mkdir(sub);
    const twin = await newTwin({ stateFile: join(sub, 'state.json'), seed: 'empty' });
    await rm(sub, { recursive: true });
    await expect(twin.close()).rejects.toThrow(/state\.json cannot be written \(ENOENT\)/);
  });
});
