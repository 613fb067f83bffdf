import { createSpecValidator, loadBundledSpec } from '@myreports/pbx-fixtures';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { arbitraryOf, resolve } from './support/arbitrary.js';
import { PATHS, WRITE_HEADERS, call } from './support/mock-client.js';

const spec = loadBundledSpec();
const validator = createSpecValidator(spec);
const RUNS = { seed: 20_251_126, numRuns: 200 } as const;

const createSchema = { $ref: '#/components/schemas/PbxConnectionProfileCreate' };
const patchSchema = { $ref: '#/components/schemas/JsonPatch' };
const validCreate = arbitraryOf(spec, createSchema) as fc.Arbitrary<Record<string, unknown>>;
const validPatch = arbitraryOf(spec, patchSchema) as fc.Arbitrary<Record<string, unknown>[]>;

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, logLevel: 'silent' });
});
afterAll(() => mock?.stop());

/** Members an object schema lists (`properties`) and requires, for the branch a body selected. */
function branchOf(body: Record<string, unknown>, unionSchema: object) {
  const branches = (resolve(spec, unionSchema).oneOf as object[]).map((branch) => resolve(spec, branch));
  const selected = branches.find((branch) =>
    Object.entries(branch.properties as Record<string, { const?: unknown; $ref?: string }>).every(
      ([name, member]) => !('const' in resolve(spec, member)) || resolve(spec, member).const === body[name],
    ),
  )!;
  return { properties: Object.keys(selected.properties), required: selected.required as string[], closed: selected.additionalProperties === false };
}

type Mutation = { describe: string; field: string; apply: (body: Record<string, unknown>) => void };

/** One mutation that makes an object of `branch` invalid: a required member dropped, a type changed, the tag changed, an unknown member added. */
function mutationOf(branch: ReturnType<typeof branchOf>, tag: string, otherTags: string[]): fc.Arbitrary<Mutation> {
  const mutations: fc.Arbitrary<Mutation>[] = [
    fc.constantFrom(...branch.required).map((field) => ({ describe: `drop ${field}`, field, apply: (body) => void delete body[field] })),
    fc
      .tuple(fc.constantFrom(...branch.properties.filter((name) => name !== tag)), fc.constantFrom<unknown>(42, null, [], {}))
      .map(([field, value]) => ({ describe: `${field} = ${JSON.stringify(value)}`, field, apply: (body) => void (body[field] = value) })),
    fc
      .oneof(fc.constantFrom(...otherTags), fc.string({ maxLength: 30 }).filter((text) => !otherTags.includes(text)))
      .map((value) => ({ describe: `${tag} = ${JSON.stringify(value)}`, field: tag, apply: (body) => void (body[tag] = value) })),
  ];
  if (branch.closed) {
    mutations.push(
      fc
        .string({ minLength: 1, maxLength: 20 })
        .filter((name) => !branch.properties.includes(name) && name !== '__proto__')
        .map((name) => ({ describe: `add ${name}`, field: name, apply: (body) => void (body[name] = 'x') })),
    );
  }
  return fc.oneof(...mutations);
}

describe('property: generated create bodies', () => {
  it('every body generated from the create schema is accepted with a 201 of its _type', async () => {
    await fc.assert(
      fc.asyncProperty(validCreate, async (body) => {
        expect(validator.validateSchema('PbxConnectionProfileCreate', body).errors).toEqual([]);
        const answer = await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body });
        expect(answer.status).toBe(201);
        expect(answer.json.data._type).toBe(body._type);
      }),
      RUNS,
    );
  });

  it('every mutated body is rejected with the 400 envelope, never a 5xx', async () => {
    const mutated = validCreate.chain((body) => {
      const branch = branchOf(body, createSchema);
      const tags = ['KazooPbxConnectionProfile', 'ThreeCxConnectionProfile'].filter((tag) => tag !== body._type);
      return mutationOf(branch, '_type', tags).map((mutation) => {
        const copy = structuredClone(body);
        mutation.apply(copy);
        return { mutation: mutation.describe, field: mutation.field, body: copy };
      });
    });
    await fc.assert(
      fc.asyncProperty(mutated, async ({ body, field }) => {
        // The mutation really breaks the contract (the shared Ajv validator agrees).
        expect(validator.validateSchema('PbxConnectionProfileCreate', body).valid).toBe(false);
        const answer = await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body });
        expect(answer.status).toBe(400);
        expect(answer.json).toMatchObject({ error: 400, status: 'error', message: expect.stringMatching(/^Invalid request: body/) });
        expect(answer.json.message).toContain(`body field ${field}`);
      }),
      RUNS,
    );
  });
});

describe('property: generated JSON Patch bodies', () => {
  it('every patch generated from the JsonPatch schema gets 200, or the invalid-property 400 for another type\'s setting', async () => {
    // PATHS.profile() is the example Kazoo profile: a 3CX setting is a path it does not have.
    const kazooFields = Object.keys(resolve(spec, { $ref: '#/components/schemas/KazooPbxConnectionProfile' }).properties as object);
    let foreignSeen = 0;
    await fc.assert(
      fc.asyncProperty(validPatch, async (body) => {
        expect(validator.validateSchema('JsonPatch', body).errors).toEqual([]);
        const answer = await call(mock.url, 'PATCH', PATHS.profile(), { headers: WRITE_HEADERS, body });
        const foreign = body.map((operation) => String(operation.path).slice(1)).find((field) => !kazooFields.includes(field));
        if (foreign === undefined) expect(answer.status).toBe(200);
        else {
          foreignSeen += 1;
          expect(answer.status).toBe(400);
          expect(answer.json.message).toBe(`The target location specified by path segment '${foreign}' was not found.`);
        }
      }),
      RUNS,
    );
    expect(foreignSeen).toBeGreaterThan(0);
  });

  it('a patch with one mutated operation is rejected with the 400 envelope naming it, never a 5xx', async () => {
    const mutated = validPatch.chain((body) =>
      fc.nat(body.length - 1).chain((index) => {
        const operation = body[index]!;
        const branch = branchOf(operation, { $ref: '#/components/schemas/JsonPatchOperation' });
        const otherPaths = ['/name', '/enabled'].filter((path) => path !== operation.path);
        return mutationOf(branch, 'path', otherPaths).map((mutation) => {
          const copy = structuredClone(body);
          mutation.apply(copy[index]!);
          return { mutation: mutation.describe, index, body: copy };
        });
      }),
    );
    await fc.assert(
      fc.asyncProperty(mutated, async ({ body, index }) => {
        // Moving `/name` to `/enabled` keeps a patch valid when its value happens to be "true" or "false".
        fc.pre(!validator.validateSchema('JsonPatch', body).valid);
        const answer = await call(mock.url, 'PATCH', PATHS.profile(), { headers: WRITE_HEADERS, body });
        expect(answer.status).toBe(400);
        expect(answer.json.message).toContain(`body field ${index}/`);
      }),
      RUNS,
    );
  });
});
