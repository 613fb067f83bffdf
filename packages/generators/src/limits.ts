/**
 * Fixtures of packages/fixtures that a generator's zod validators accept although the spec rejects
 * them, each with why. The tests assert these rows are still accepted, so a limit that a new
 * generator version lifts fails the suite until it is deleted here (and in the README).
 */
export interface Limit {
  generators: string[];
  body: 'create' | 'patch';
  fixture: string;
  reason: string;
}

const UNKNOWN_KEYS = 'a zod object strips unknown keys: the generator does not turn `additionalProperties: false` into a strict object';
const STRIPPING = ['hey-api', 'orval', 'kubb'];

export const LIMITS: Limit[] = [
  ...['a Kazoo field added to a 3CX body', 'a server-set id', 'a server-set tenantId', 'enabled on create', 'an unknown field'].map(
    (fixture): Limit => ({ generators: STRIPPING, body: 'create', fixture, reason: UNKNOWN_KEYS }),
  ),
  { generators: STRIPPING, body: 'patch', fixture: 'an extra member', reason: UNKNOWN_KEYS },
  {
    generators: ['openapi-zod-client'],
    body: 'patch',
    fixture: 'an empty patch',
    reason: 'the constraints of a named schema are added where a property refers to it, so the exported JsonPatch loses `minItems: 1`',
  },
  ...['a hostRest with an empty host before its path', 'a hostWebsocket over https'].map(
    (fixture): Limit => ({ generators: ['kubb'], body: 'create', fixture, reason: 'Kubb writes `format: uri` as `z.url()` and drops the `pattern` beside it' }),
  ),
];

export function limitOf(generator: string, body: Limit['body'], fixture: string): Limit | undefined {
  return LIMITS.find((limit) => limit.generators.includes(generator) && limit.body === body && limit.fixture === fixture);
}
