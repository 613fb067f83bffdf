// Spec pairs: the real bundled spec as the base, and a copy with one edit as the change. Each row
// says the verdict the edit must get and a phrase the report must contain (so the right thing is
// flagged, not just anything).
import { type OpenApiDocument, loadBundledSpec } from '@myreports/pbx-fixtures';
import { describe, expect, it } from 'vitest';
import { compareSpecs } from '../src/compare.js';

type Json = Record<string, any>;
const schema = (spec: OpenApiDocument, name: string): Json => spec.components.schemas[name] as Json;
const pbxs = '/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs';
const pbx = `${pbxs}/{pbxId}`;

function removeVariant(union: Json, variant: string): void {
  union['oneOf'] = (union['oneOf'] as Json[]).filter((member) => !String(member['$ref']).startsWith(`#/components/schemas/${variant}`));
  delete union['discriminator'].mapping[variant.replace(/Create$/, '')];
}

interface Pair {
  edit: string;
  change: (spec: OpenApiDocument) => void;
  /** A phrase of the report line and the place it must be reported at. */
  mentions: string;
  at?: string;
}

const breaking: Pair[] = [
  {
    edit: 'remove a response field of a variant',
    change: (spec) => delete schema(spec, 'KazooPbxConnectionProfile').properties.apiKey,
    mentions: 'in `_type` KazooPbxConnectionProfile: field `apiKey` removed',
    at: `GET ${pbx} response 200`,
  },
  {
    edit: 'remove a response field outside any variant',
    change: (spec) => delete schema(spec, 'PbxInstanceFound').properties.tenantId,
    mentions: 'tenantId',
    at: 'GET /v1.0/pbxs response 200',
  },
  {
    edit: 'make a response field optional',
    change: (spec) => {
      const kazoo = schema(spec, 'KazooPbxConnectionProfile');
      kazoo.required = kazoo.required.filter((name: string) => name !== 'name');
    },
    mentions: 'field `name` is no longer always returned',
  },
  {
    edit: 'change the type of a response field',
    change: (spec) => {
      schema(spec, 'KazooPbxConnectionProfile').properties.monitorSubAccounts = { type: 'string' };
    },
    mentions: 'field `monitorSubAccounts`: type boolean → string',
    at: `POST ${pbxs} response 201`,
  },
  {
    edit: 'add a required request field',
    change: (spec) => {
      const create = schema(spec, 'KazooPbxConnectionProfileCreate');
      create.properties.region = { type: 'string' };
      create.required.push('region');
    },
    mentions: 'required field `region` added',
    at: `POST ${pbxs} request body`,
  },
  {
    edit: 'make an optional request field required',
    change: (spec) => schema(spec, 'ThreeCxConnectionProfileCreate').required.push('countryCode'),
    mentions: 'in `_type` ThreeCxConnectionProfile: field `countryCode` is now required',
  },
  {
    edit: 'remove an optional field from a closed request body',
    change: (spec) => delete schema(spec, 'KazooPbxConnectionProfileCreate').properties.monitorSubAccounts,
    mentions: 'field `monitorSubAccounts` removed: the API now rejects requests that send it',
  },
  {
    edit: 'narrow a request field (shorter maximum length)',
    change: (spec) => {
      schema(spec, 'ThreeCxConnectionProfileCreate').properties.password = { type: 'string', minLength: 1, maxLength: 8 };
    },
    mentions: 'field `password`: maxLength none → 8',
  },
  {
    edit: 'narrow a request field type (string → integer)',
    change: (spec) => {
      schema(spec, 'KazooPbxConnectionProfileCreate').properties.accountId = { type: 'integer' };
    },
    mentions: 'field `accountId`: type string → integer',
  },
  {
    edit: 'narrow a shared schema used by request and response (pattern)',
    change: (spec) => {
      schema(spec, 'CountryCode').pattern = '^(US|GB)$';
    },
    mentions: 'field `countryCode`: pattern',
    at: `POST ${pbxs} request body`,
  },
  {
    edit: 'remove a `_type` variant from the request union',
    change: (spec) => removeVariant(schema(spec, 'PbxConnectionProfileCreate'), 'ThreeCxConnectionProfileCreate'),
    mentions: '`_type` variant ThreeCxConnectionProfile removed: the API now rejects',
  },
  {
    edit: 'remove the first `_type` variant from the response union',
    change: (spec) => removeVariant(schema(spec, 'PbxConnectionProfile'), 'KazooPbxConnectionProfile'),
    mentions: '`_type` variant KazooPbxConnectionProfile removed: clients lose its documented shape',
    at: `GET ${pbx} response 200`,
  },
  {
    edit: 'rename a variant `_type` value in responses',
    change: (spec) => {
      schema(spec, 'ThreeCxConnectionProfile').properties._type.const = 'ThreeCx';
    },
    mentions: '`_type` variant ThreeCxConnectionProfile removed',
  },
  {
    edit: 'narrow the second variant while the first changes too',
    change: (spec) => {
      schema(spec, 'KazooPbxConnectionProfileCreate').properties.apiKey = { type: 'string', minLength: 1, maxLength: 64 };
      schema(spec, 'ThreeCxConnectionProfileCreate').properties.username = { type: 'string', minLength: 1, maxLength: 8 };
    },
    mentions: 'in `_type` ThreeCxConnectionProfile: field `username`: maxLength none → 8',
  },
  {
    edit: 'remove an operation',
    change: (spec) => delete (spec.paths[pbx] as Json).delete,
    mentions: `DELETE ${pbx}`,
  },
  {
    edit: 'rename a query parameter',
    change: (spec) => {
      (spec.components['parameters'] as Json).InstanceId.name = 'instance_id';
    },
    mentions: 'instanceId',
    at: 'GET /v1.0/pbxs parameters',
  },
  {
    // The library takes the new name for an addition beside a removal and calls it harmless.
    edit: 'rename a query parameter: the new required name is breaking too',
    change: (spec) => {
      (spec.components['parameters'] as Json).InstanceId.name = 'instance_id';
    },
    mentions: 'instance_id',
    at: 'GET /v1.0/pbxs parameters',
  },
  {
    edit: 'widen a shared field: harmless in the request, breaking in responses',
    change: (spec) => delete schema(spec, 'ThreeCxUsername').minLength,
    mentions: 'field `username`: minLength 1 → none: clients may now receive values they do not expect',
    at: `GET ${pbx} response 200`,
  },
  {
    edit: 'add a required query parameter',
    change: (spec) => {
      (spec.paths['/v1.0/pbxs'] as Json).get.parameters.push({ name: 'region', in: 'query', required: true, schema: { type: 'string' } });
    },
    mentions: 'region',
  },
];

const nonBreaking: Pair[] = [
  {
    edit: 'add an optional request field',
    change: (spec) => {
      schema(spec, 'KazooPbxConnectionProfileCreate').properties.description = { type: 'string' };
    },
    mentions: 'in `_type` KazooPbxConnectionProfile: optional field `description` added',
  },
  {
    edit: 'add a response field',
    change: (spec) => {
      schema(spec, 'ThreeCxConnectionProfile').properties.lastSeen = { type: 'string', format: 'date-time' };
    },
    mentions: 'in `_type` ThreeCxConnectionProfile: field `lastSeen` added',
  },
  {
    edit: 'add a new operation',
    change: (spec) => {
      (spec.paths['/v1.0/pbxs'] as Json).post = structuredClone((spec.paths['/v1.0/pbxs'] as Json).get);
      (spec.paths['/v1.0/pbxs'] as Json).post.operationId = 'lookupPbxInstances';
    },
    mentions: 'POST /v1.0/pbxs',
  },
  {
    edit: 'add a `_type` variant to the request union',
    change: (spec) => {
      const teams = { type: 'object', required: ['_type', 'name'], properties: { _type: { const: 'TeamsPbxConnectionProfile' }, name: { type: 'string' } } };
      schema(spec, 'PbxConnectionProfileCreate').oneOf.push(teams);
    },
    mentions: '`_type` variant TeamsPbxConnectionProfile added',
  },
  {
    edit: 'make a request field optional',
    change: (spec) => {
      const create = schema(spec, 'KazooPbxConnectionProfileCreate');
      create.required = create.required.filter((name: string) => name !== 'hostWebsocket');
    },
    mentions: 'field `hostWebsocket` is now optional',
  },
  {
    // Only the request's copy: ThreeCxUsername is shared with responses, where a looser value breaks readers.
    edit: 'widen a request field (drop a minimum length)',
    change: (spec) => {
      schema(spec, 'ThreeCxConnectionProfileCreate').properties.username = { type: 'string' };
    },
    mentions: 'field `username`: minLength 1 → none',
  },
  {
    edit: 'make a response field always present',
    change: (spec) => schema(spec, 'KazooPbxConnectionProfile').required.push('enabled'),
    mentions: 'field `enabled` is now always returned',
  },
  {
    edit: 'add an optional query parameter',
    change: (spec) => {
      (spec.paths['/v1.0/pbxs'] as Json).get.parameters.push({ name: 'verbose', in: 'query', schema: { type: 'boolean' } });
    },
    mentions: 'verbose',
  },
];

describe('breaking edits fail the check', () => {
  it.each(breaking)('$edit', ({ change, mentions, at }) => {
    const base = loadBundledSpec();
    const changed = loadBundledSpec();
    change(changed);
    const report = compareSpecs(base, changed);
    const hits = report.breaking.filter((line) => line.what.includes(mentions) || line.where.includes(mentions));
    expect(hits, JSON.stringify(report.breaking, null, 2)).not.toEqual([]);
    if (at) expect(hits.map((line) => line.where).join('\n')).toContain(at);
  });
});

describe('non-breaking edits pass the check and are listed', () => {
  it.each(nonBreaking)('$edit', ({ change, mentions }) => {
    const base = loadBundledSpec();
    const changed = loadBundledSpec();
    change(changed);
    const report = compareSpecs(base, changed);
    expect(report.breaking, JSON.stringify(report.breaking, null, 2)).toEqual([]);
    const listed = report.nonBreaking.some((line) => line.what.includes(mentions) || line.where.includes(mentions));
    expect(listed, JSON.stringify(report.nonBreaking, null, 2)).toBe(true);
  });

  it('reports nothing for an unchanged spec, and a description edit as documentation only', () => {
    expect(compareSpecs(loadBundledSpec(), loadBundledSpec())).toEqual({ breaking: [], nonBreaking: [], unclassified: [], documentation: 0 });
    const changed = loadBundledSpec();
    schema(changed, 'KazooApiKey').description = 'The Kazoo API key.';
    const report = compareSpecs(loadBundledSpec(), changed);
    expect(report.breaking).toEqual([]);
    expect(report.nonBreaking).toEqual([]);
    expect(report.documentation).toBeGreaterThan(0);
  });

  it('counts a new field named `description` as a field, not as documentation', () => {
    const changed = loadBundledSpec();
    schema(changed, 'KazooPbxConnectionProfileCreate').properties.description = { type: 'string' };
    const report = compareSpecs(loadBundledSpec(), changed);
    expect(report.documentation).toBe(0);
    expect(report.nonBreaking.map((line) => line.what)).toContain('in `_type` KazooPbxConnectionProfile: optional field `description` added');
  });

  it('counts documentation edits in two variants at once', () => {
    const changed = loadBundledSpec();
    schema(changed, 'KazooApiKey').description = 'The Kazoo API key.';
    schema(changed, 'ThreeCxPassword').description = 'The 3CX password.';
    expect(compareSpecs(loadBundledSpec(), changed).documentation).toBe(2);
  });

  it('does not change the documents it compares', () => {
    const base = loadBundledSpec();
    const changed = loadBundledSpec();
    delete schema(changed, 'KazooPbxConnectionProfile').properties.apiKey;
    const [baseCopy, changedCopy] = [structuredClone(base), structuredClone(changed)];
    compareSpecs(base, changed);
    expect([base, changed]).toEqual([baseCopy, changedCopy]);
  });
});
