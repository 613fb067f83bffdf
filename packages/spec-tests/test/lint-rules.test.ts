import { describe, expect, it } from 'vitest';
import { createSpecValidator, threeCxCreate } from '@myreports/pbx-fixtures';
import { SpecCopy } from './support/spec-copy.js';

/** Runs `use` on a fresh copy of the spec and removes the copy afterwards. */
async function withCopy<T>(use: (spec: SpecCopy) => Promise<T>): Promise<T> {
  const spec = new SpecCopy();
  try {
    return await use(spec);
  } finally {
    spec.remove();
  }
}

const PROFILES = 'resources/pbx-connection-profiles';
const LIST = `${PROFILES}/listPbxConnectionProfiles.yaml`;
const FIND = `${PROFILES}/findPbxConnectionProfileByInstance.yaml`;
const GET = `${PROFILES}/getPbxConnectionProfile.yaml`;
const METRICS = 'resources/accounts/schemas/CustomerMetrics.yaml';
const GET_PAGE = 'https://docs.na.xarios.cloud/enterprise-portal/en-gb/api/reference/accounts/customers/pbxprofiles/pbxgetpbx';
const CREATE_PAGE = 'https://docs.na.xarios.cloud/enterprise-portal/en-gb/api/reference/accounts/customers/pbxprofiles/pbxpost';
const FIND_PAGE = 'https://docs.na.myreports.cloud/enterprise-portal/en-us/api/reference/accounts/customers/pbxprofiles/pbxgetinstance';

// Each test lints or bundles its own copy, so they run concurrently.
describe.concurrent('the lint configuration', () => {
  it('passes the spec as it is, with no problem at all', async () => {
    const result = await withCopy((spec) => spec.lint());
    expect(result.rules).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  // Each row breaks one house convention in a copy of the spec and names the rule that must catch it.
  const mutations: [string, string, string, string, string][] = [
    ['a variant loses its _type const', `${PROFILES}/schemas/ThreeCxConnectionProfileCreate.yaml`, '    const: ThreeCxConnectionProfile\n', '', 'rule/profile-type-const'],
    ['a mapping names one variant twice', `${PROFILES}/schemas/PbxConnectionProfile.yaml`, 'ThreeCxConnectionProfile: ./ThreeCxConnectionProfile.yaml', 'ThreeCxConnectionProfile: ./KazooPbxConnectionProfile.yaml', 'pbx/discriminator-shape'],
    ['a variant is missing from the mapping', `${PROFILES}/schemas/PbxConnectionProfileCreate.yaml`, '    ThreeCxConnectionProfile: ./ThreeCxConnectionProfileCreate.yaml\n', '', 'pbx/discriminator-shape'],
    ['a const disagrees with its mapping key', `${PROFILES}/schemas/KazooPbxConnectionProfile.yaml`, 'const: KazooPbxConnectionProfile', 'const: Kazoo', 'pbx/discriminator-shape'],
    ['a discriminator on anyOf', `${PROFILES}/schemas/PbxConnectionProfile.yaml`, 'oneOf:', 'anyOf:', 'pbx/discriminator-shape'],
    ['a discriminator without mapping', `${PROFILES}/schemas/PbxConnectionProfile.yaml`, '  mapping:\n    KazooPbxConnectionProfile: ./KazooPbxConnectionProfile.yaml\n    ThreeCxConnectionProfile: ./ThreeCxConnectionProfile.yaml\n', '', 'rule/discriminator-mapping'],
    ['a discriminator on another property', `${PROFILES}/schemas/PbxConnectionProfileCreate.yaml`, 'propertyName: _type', 'propertyName: name', 'rule/discriminator-on-type'],
    ['a path id that is not a GUID', `${PROFILES}/parameters/PbxId.yaml`, '$ref: ../../../shared/schemas/Guid.yaml', 'type: string', 'rule/path-parameter-guid'],
    ['an operation without 404', FIND, '  "404":\n    $ref: ../../shared/responses/NotFound.yaml\n', '', 'rule/standard-error-responses'],
    ['an inline 400', FIND, '  "400":\n    $ref: ../../shared/responses/BadRequest.yaml\n', '  "400":\n    description: Bad.\n', 'rule/shared-error-responses'],
    ['an operationId in snake_case', LIST, 'operationId: listPbxConnectionProfiles', 'operationId: list_pbx_connection_profiles', 'rule/operation-id-camel-case'],
    ['a JSON response without an envelope', FIND, 'PbxInstanceLookupItemEnvelope.yaml', 'PbxInstanceLookup.yaml', 'rule/json-response-envelope'],
    ['an example that breaks its schema', `${PROFILES}/examples/KazooCreated.yaml`, 'enabled: false', 'enabled: "no"', 'no-invalid-media-type-examples'],
    ['an operation without code samples', FIND, 'x-codeSamples:\n', 'x-samples:\n', 'rule/operation-code-samples'],
    ['a const without its enum', 'shared/schemas/ErrorEnvelope.yaml', '    enum: [error]\n', '', 'portable/const-with-enum'],
    ['a boolean const beside its enum', `${PROFILES}/schemas/PbxInstanceNotFound.yaml`, '    enum: [false]\n', '    const: false\n    enum: [false]\n', 'portable/const-with-enum'],
    ['a schema of two types', `${PROFILES}/schemas/LenientBoolean.yaml`, 'anyOf:\n  - type: boolean\n  - type: string\n    enum: ["true", "false"]\n', 'type: [boolean, string]\nenum: [true, false, "true", "false"]\n', 'portable/one-type'],
    ['a constraint beside a $ref', `${PROFILES}/schemas/KazooPbxConnectionProfileCreate.yaml`, '    $ref: ./KazooHostRest.yaml\n', '    $ref: ./KazooHostRest.yaml\n    pattern: ^https://\n', 'portable/plain-refs'],
    ['an alias schema', `${PROFILES}/schemas/PbxConnectionProfileEnabled.yaml`, 'type: boolean\n', '$ref: ./KazooMonitorSubAccounts.yaml\n', 'portable/plain-refs'],
    // A map of any key, as the metrics' roles once were, and an object open to any property; the
    // spec's own `additionalProperties: false` (every request body) passes the first test.
    ['a map of any key to an integer', METRICS, '  roles:\n    type: object\n', '  roles:\n    type: object\n    additionalProperties:\n      type: integer\n      minimum: 0\n', 'portable/no-maps'],
    ['an object open to any property (additionalProperties: true)', `${PROFILES}/schemas/KazooPbxConnectionProfileCreate.yaml`, 'additionalProperties: false\n', 'additionalProperties: true\n', 'portable/no-maps'],
    // Provenance: each kind of element loses its x-source (and x-decision), or carries a malformed one.
    ['an operation without provenance', GET, `summary: Get a profile\nx-source: ${GET_PAGE}\n`, 'summary: Get a profile\n', 'provenance/source-or-decision'],
    ['a response without provenance', FIND, `  "200":\n    x-source: ${FIND_PAGE}\n`, '  "200":\n', 'provenance/source-or-decision'],
    ['a shared response without provenance', 'shared/responses/NotFound.yaml', 'x-source:', 'x-notes:', 'provenance/source-or-decision'],
    ['a parameter without provenance', `${PROFILES}/parameters/PbxId.yaml`, 'x-source:', 'x-notes:', 'provenance/source-or-decision'],
    ['a header without provenance', 'shared/headers/Location.yaml', `x-source: ${CREATE_PAGE}\nx-decision:`, `x-notes: ${CREATE_PAGE}\nx-more-notes:`, 'provenance/source-or-decision'],
    ['an inline property without provenance', 'shared/schemas/ErrorEnvelope.yaml', '  message:\n    x-source:', '  message:\n    x-notes:', 'provenance/source-or-decision'],
    ['a property whose referenced schema lost its provenance', `${PROFILES}/schemas/KazooApiKey.yaml`, 'x-source:', 'x-notes:', 'provenance/source-or-decision'],
    ['an x-source that is not a URL', `${PROFILES}/schemas/KazooApiKey.yaml`, 'x-source:\n  - https://', "x-source:\n  - the vendor's page https://", 'provenance/source-or-decision'],
    ['an empty x-decision', `${PROFILES}/schemas/PbxProfileName.yaml`, 'x-decision: >-', 'x-decision: ""\nx-was: >-', 'provenance/source-or-decision'],
  ];

  it.each(mutations)('catches %s', async (_, file, search, replacement, rule) => {
    const result = await withCopy((spec) => spec.mutate(file, search, replacement).lint());
    expect(result.exitCode).not.toBe(0);
    expect(result.rules).toContain(rule);
  });

  // The layout (spec/README.md): each row puts one file where it does not belong, re-pointing its
  // reference so that the copy still bundles, and names the rule that must catch it.
  const misplaced: [string, (spec: SpecCopy) => SpecCopy, string][] = [
    ['an operation in a file not named by its operationId', (spec) => spec.copy(FIND, `${PROFILES}/findProfile.yaml`).mutate('openapi.yaml', FIND, `${PROFILES}/findProfile.yaml`), 'layout/operation-file'],
    ["an operation whose tag is not its folder's", (spec) => spec.mutate(LIST, 'tags: [PBX connection profiles]', 'tags: [Profile types]'), 'layout/operation-file'],
    ["a code sample named after another operation", (spec) => spec.mutate(GET, 'curl/getPbxConnectionProfile.sh', 'curl/listPbxConnectionProfiles.sh'), 'layout/operation-file'],
    ['a schema in the examples folder', (spec) => spec.copy(`${PROFILES}/schemas/PbxInstanceId.yaml`, `${PROFILES}/examples/PbxInstanceId.yaml`).mutate(`${PROFILES}/parameters/InstanceId.yaml`, '../schemas/PbxInstanceId.yaml', '../examples/PbxInstanceId.yaml'), 'layout/component-file'],
    ['a schema in the folder of no tag', (spec) => spec.copy(`${PROFILES}/schemas/PbxInstanceId.yaml`, 'resources/profiles/schemas/PbxInstanceId.yaml').mutate(`${PROFILES}/parameters/InstanceId.yaml`, '../schemas/PbxInstanceId.yaml', '../../profiles/schemas/PbxInstanceId.yaml'), 'layout/component-file'],
    ["a resource's example named like a shared one", (spec) => spec.copy(`${PROFILES}/examples/ProfileDeleted.yaml`, `${PROFILES}/examples/NotFound.yaml`).mutate(`${PROFILES}/responses/PbxConnectionProfileDeleted.yaml`, '../examples/ProfileDeleted.yaml', '../examples/NotFound.yaml'), 'layout/component-file'],
  ];

  it.each(misplaced)('catches %s', async (_, misplace, rule) => {
    const result = await withCopy((spec) => misplace(spec).lint());
    expect(result.exitCode).not.toBe(0);
    expect(result.rules).toContain(rule);
  });
});

describe.concurrent('the _type const and enum', () => {
  const unknownType = { ...threeCxCreate(), _type: 'Whatever' };

  it('is what rejects an unknown _type: the real spec rejects it', async () => {
    const spec = await withCopy((copy) => copy.bundle());
    expect(createSpecValidator(spec).validateSchema('PbxConnectionProfileCreate', unknownType).valid).toBe(false);
  });

  it('is what rejects an unknown _type: a copy without it accepts it, so the tests above would fail', async () => {
    const spec = await withCopy((copy) =>
      copy
        .mutate(`${PROFILES}/schemas/ThreeCxConnectionProfileCreate.yaml`, '    const: ThreeCxConnectionProfile\n    enum: [ThreeCxConnectionProfile]\n', '')
        .bundle(),
    );
    expect(createSpecValidator(spec).validateSchema('PbxConnectionProfileCreate', unknownType).valid).toBe(true);
  });
});
