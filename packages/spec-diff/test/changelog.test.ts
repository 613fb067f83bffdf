// The API changelog: a known diff (two small documents) and known changesets render to a known page.
import { describe, expect, it } from 'vitest';
import { type Release, kindOf, releaseSection, withSection } from '../src/changelog.js';
import { nextVersion } from '../src/changelog-release.js';
import { parseChangeset } from '../src/changesets.js';
import { compareSpecs } from '../src/compare.js';

type Json = Record<string, any>;
const json = { 'application/json': { schema: { $ref: '#/components/schemas/Profile' } } };

function document(): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'PBX', version: '1.0.0' },
    paths: {
      '/pbxs': {
        get: { operationId: 'listProfiles', responses: { '200': { description: 'The profiles.', content: json } } },
        post: {
          operationId: 'createProfile',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ProfileCreate' } } } },
          responses: { '201': { description: 'Created.', content: json } },
        },
      },
      '/pbxs/{pbxId}': {
        delete: {
          operationId: 'deleteProfile',
          parameters: [{ name: 'pbxId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '204': { description: 'Deleted.' } },
        },
      },
    },
    components: {
      schemas: {
        Profile: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', description: 'The name.' }, region: { type: 'string' } },
        },
        ProfileCreate: {
          oneOf: [{ $ref: '#/components/schemas/ThreeCxCreate' }],
          discriminator: { propertyName: '_type', mapping: { ThreeCx: '#/components/schemas/ThreeCxCreate' } },
        },
        ThreeCxCreate: {
          type: 'object',
          additionalProperties: false,
          required: ['_type', 'licenseKey'],
          properties: { _type: { type: 'string', const: 'ThreeCx' }, licenseKey: { type: 'string' }, username: { type: 'string' } },
        },
      },
    },
  };
}

function edited(): Json {
  const spec = document();
  const { schemas } = spec['components'];
  const create = schemas.ThreeCxCreate;
  create.properties = { _type: create.properties._type, licenceKey: { type: 'string' }, username: { type: 'string', deprecated: true } };
  create.required = ['_type', 'licenceKey'];
  schemas.Profile.properties.nickname = { type: 'string' };
  schemas.Profile.properties.region.maxLength = 40;
  schemas.Profile.properties.name.description = 'The name shown in the portal.';
  delete spec['paths']['/pbxs/{pbxId}'];
  return spec;
}

const renameNote = parseChangeset('.changeset/licence-key.md', '---\n"@myreports/pbx-openapi": major\n---\n\n3CX: `licenseKey` is renamed `licenceKey`.\n\nThe delete operation is gone.\n');
const nicknameNote = parseChangeset('.changeset/nickname.md', '---\n"@myreports/pbx-openapi": minor\n"@myreports/pbx-types": minor\n---\n\nProfiles have a `nickname`.\n');

function release(): Release {
  const [before, after] = [document(), edited()];
  return { version: '1.0.0', since: '0.1.0', report: compareSpecs(before, after), changesets: [renameNote, nicknameNote], before, after };
}

const section = `## 1.0.0

Changes of the API since 0.1.0.

### Added

- **Breaking:** In \`_type\` ThreeCx: required field \`licenceKey\` added: requests without it are now rejected. In \`createProfile\` (POST /pbxs) request body (application/json).
- Field \`nickname\` added. In \`listProfiles\` (GET /pbxs) response 200 (application/json); \`createProfile\` (POST /pbxs) response 201 (application/json).

### Changed

- Field \`region\`: maxLength none → 40. In \`listProfiles\` (GET /pbxs) response 200 (application/json); \`createProfile\` (POST /pbxs) response 201 (application/json).

### Deprecated

- In \`_type\` ThreeCx: field \`username\` deprecated. In \`createProfile\` (POST /pbxs) request body (application/json).

### Removed

- **Breaking:** Operation removed. In \`deleteProfile\` (DELETE /pbxs/{pbxId}).
- **Breaking:** In \`_type\` ThreeCx: field \`licenseKey\` removed: the API now rejects requests that send it. In \`createProfile\` (POST /pbxs) request body (application/json).

Documentation: 1 description, example or title edited.

### Release notes

- 3CX: \`licenseKey\` is renamed \`licenceKey\`.

  The delete operation is gone.
- Profiles have a \`nickname\`.
`;

describe('the changelog of a release', () => {
  it('renders a known diff and its changesets to a known section', () => {
    expect(releaseSection(release())).toBe(section);
  });

  it('says so when nothing but documentation changed', () => {
    const before = document();
    const after = document();
    after['components'].schemas.Profile.properties.name.description = 'Reworded.';
    expect(releaseSection({ version: '0.1.1', since: '0.1.0', report: compareSpecs(before, after), changesets: [], before, after })).toBe(
      '## 0.1.1\n\nChanges of the API since 0.1.0.\n\nNo change to the operations or their fields.\n\nDocumentation: 1 description, example or title edited.\n',
    );
  });

  it.each([
    { what: 'field `region` deprecated', kind: 'Deprecated' },
    { what: '[Added] deprecated status', kind: 'Deprecated' },
    { what: '[Removed] deprecated status', kind: 'Changed' },
    { what: 'field `region`: values "eu" removed: values that were valid are now rejected', kind: 'Changed' },
    { what: '`_type` variant Teams removed: clients lose its documented shape', kind: 'Removed' },
    { what: '`_type` variant Teams added', kind: 'Added' },
    { what: 'field `enabled` is now always returned', kind: 'Changed' },
  ])('sorts "$what" under $kind', ({ what, kind }) => {
    expect(kindOf({ breaking: false, where: 'GET /pbxs', what })).toBe(kind);
  });
});

describe('the changelog page', () => {
  const intro = 'API changes by release.\n\n';
  const old = '## 0.1.0\n\nFirst release.\n';
  it('puts a new version above the others, below the introduction', () => {
    expect(withSection(intro + old, section)).toBe(`${intro}${section}\n${old}`);
  });
  it('replaces the section of the same version when written again', () => {
    const first = withSection(intro + old, '## 1.0.0\n\nDraft.\n');
    expect(withSection(first, section)).toBe(`${intro}${section}\n${old}`);
  });
});

describe('the next version', () => {
  it.each([
    { bumps: [renameNote, nicknameNote], version: '1.0.0' },
    { bumps: [nicknameNote], version: '0.2.0' },
    { bumps: [parseChangeset('.changeset/fix.md', '---\n"@myreports/pbx-openapi": patch\n---\n\nx\n')], version: '0.1.1' },
    { bumps: [parseChangeset('.changeset/client.md', '---\n"@myreports/pbx-client": major\n---\n\nx\n')], version: undefined },
  ])('0.1.0 → $version', ({ bumps, version }) => {
    expect(nextVersion('0.1.0', bumps)).toBe(version);
  });
});
