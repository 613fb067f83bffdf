import { describe, expect, it } from 'vitest';
import { type Json, listOperations, loadBundledSpec } from '@myreports/pbx-fixtures';

// Every create links to each operation on the item it creates (its path plus one `{id}` segment), so
// tools can chain create → get, patch, delete. A new resource's create is held to it with no edit here.
const spec = loadBundledSpec();
const operations = listOperations(spec);
const creates = operations.filter((operation) => operation.method === 'POST' && operation.object.responses?.['201'] !== undefined);

/** The response object, through its `$ref` to `components/responses` when it has one. */
function response(node: unknown): Json {
  const ref = (node as { $ref?: string }).$ref;
  const name = ref?.replace(/^#\/components\/responses\//, '');
  return (name === undefined ? node : (spec.components['responses'] as Record<string, unknown>)[name]) as Json;
}

const pathParameters = (operation: (typeof operations)[number]) => operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);

it('finds the creates of the spec', () => {
  expect(creates.map((create) => create.operationId)).toEqual(expect.arrayContaining(['createPbxConnectionProfile', 'createResellerPbxConnectionProfile']));
});

describe.each(creates.map((create) => [create.operationId, create] as const))('%s', (_, create) => {
  const itemPath = new RegExp(`^${create.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\{[^/}]+\\}$`);
  const siblings = operations.filter((operation) => itemPath.test(operation.path));
  const links = (response(create.object.responses?.['201'])['links'] ?? {}) as Record<string, { operationId?: string; parameters?: Record<string, string> }>;

  it('has operations on its item path', () => {
    expect(siblings.length).toBeGreaterThan(0);
  });

  it.each(siblings.map((sibling) => [sibling.operationId, sibling] as const))('links to %s, with each of its path parameters', (_, sibling) => {
    const link = Object.values(links).find((candidate) => candidate.operationId === sibling.operationId);
    expect(link, `no link from ${create.operationId} to ${sibling.operationId}`).toBeDefined();
    const parents = pathParameters(create);
    const wanted = pathParameters(sibling);
    expect(Object.keys(link?.parameters ?? {}).sort()).toEqual([...wanted].sort());
    for (const name of wanted) {
      // The parents come from the create's own path; the new id from the answer.
      const expression = link?.parameters?.[name];
      if (parents.includes(name)) expect(expression).toBe(`$request.path.${name}`);
      else expect(expression).toMatch(/^\$response\.(body#\/data\/id|header\.Location)$/);
    }
  });

  it('links to nothing else', () => {
    const targets = new Set(siblings.map((sibling) => sibling.operationId));
    expect(Object.values(links).filter((link) => !targets.has(link.operationId ?? ''))).toEqual([]);
  });
});
