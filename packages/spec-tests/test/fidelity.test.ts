import { describe, expect, it } from 'vitest';
import { listOperations, loadBundledSpec } from '@myreports/pbx-fixtures';

// What the vendor's public pages say, checked against what the spec says: each row here was once
// stated as API fact, or contradicted the vendor.
const spec = loadBundledSpec();
const schemas = spec.components.schemas as Record<string, Record<string, unknown>>;
const info = spec['info'] as { description: string; contact?: { name?: string; url?: string; email?: string } };
const guide = (name: string) => (spec['tags'] as { name: string; description: string }[]).find((tag) => tag.name === name)?.description ?? '';
const operation = (id: string) => listOperations(spec).find((operation) => operation.operationId === id)?.object as unknown as Record<string, unknown>;
const VENDOR_HOSTS = /^https:\/\/(docs\.(na|uk|eu|au)\.(xarios|myreports)\.cloud|apidocs\.xarios\.cloud)\//;

describe('facts checked against the vendor', () => {
  it('gives the vendor support as published, and the vendor reference as external docs', () => {
    expect(info.contact?.url).toMatch(VENDOR_HOSTS);
    expect(info.contact?.name).toContain('480 207 7920');
    // The page's e-mail address is not legible in its public copy: none is invented.
    expect(info.contact?.email).toBeUndefined();
    expect((spec['externalDocs'] as { url: string }).url).toMatch(VENDOR_HOSTS);
  });

  it('says who calls these paths, that resellers have a mirror, and that this is not a Xarios product', () => {
    expect(info.description).toContain('not a Xarios product');
    expect(info.description).toContain('`/v1.0/customers/{customerTenantId}/pbxs`');
    expect(info.description).toMatch(/enterprise/i);
    expect(info.description).not.toMatch(/lets call-reporting resellers/);
  });

  it('says how to get a client, as the vendor authentication page does, and marks what is standard OAuth 2', () => {
    const gettingStarted = guide('Getting started');
    expect(gettingStarted).toMatch(/client id.*client secret.*request URL/s);
    expect(gettingStarted).toContain('http://127.0.0.1:8000');
    expect(gettingStarted).toContain('Reseller Portal');
    expect(gettingStarted.match(/standard\s+OAuth 2 \(RFC 6749/g)).toHaveLength(2);
    expect(gettingStarted).toContain('| Australia / New Zealand |');
    expect(gettingStarted).not.toContain('do not describe how to register');
  });

  it('quotes only the vendor message in its 400 examples', () => {
    const badRequest = (spec.components['responses'] as Record<string, { content: Record<string, { examples: Record<string, { $ref: string }> }> }>)['BadRequest'];
    const names = Object.values(badRequest?.content['application/json']?.examples ?? {}).map(({ $ref }) => $ref.split('/').pop() ?? '');
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect((spec.components.examples[name]?.value as { message: string }).message).toMatch(/^The value '.+' is not valid\.$/);
    }
  });

  it('shows no undocumented _type as if it were known: the one it shows is visibly illustrative', () => {
    const documented = ['KazooPbxConnectionProfile', 'ThreeCxConnectionProfile'];
    const types = JSON.stringify(spec.components.examples).match(/"_type":"[^"]+"/g) ?? [];
    const undocumented = [...new Set(types.map((type) => type.slice(9, -1)))].filter((type) => !documented.includes(type));
    expect(undocumented).toEqual(['ExampleUndocumentedType']);
    expect(spec.components.examples['OtherProfile']?.['description' as never]).toContain('Illustrative');
  });

  it('accepts the vendor\'s own 3CX create answer, which has no id or tenantId, and keeps both required in get and list', () => {
    const created = spec.components.examples['ThreeCxCreated']?.value as { data: Record<string, unknown> };
    expect(Object.keys(created.data).sort()).toEqual(['_type', 'enableRecordingArchive', 'licenseKey', 'name', 'password', 'recordingArchiveFrequency', 'username']);
    expect(schemas['ThreeCxConnectionProfileCreated']?.['required']).toEqual(['_type', 'name']);
    expect(schemas['ThreeCxConnectionProfileCreated']?.['x-decision']).toMatch(/not\s+documented/);
  });

  it('adds the vendor facts: the invalid-property 400 text, errorCode, Request-Context, the customer\'s enabled, default templates, "Inherited"', () => {
    const invalidProperty = spec.components.examples['InvalidPatchProperty']?.value as { message: string };
    expect(invalidProperty.message).toMatch(/^The target location specified by path segment '[^']+' was not found\.$/);
    for (const id of ['patchPbxConnectionProfile', 'patchResellerPbxConnectionProfile']) {
      const answers = operation(id)['responses'] as Record<string, { $ref?: string }>;
      expect(answers['400']?.$ref).toMatch(/PatchBadRequest$/);
      expect(answers['200']?.$ref).toMatch(/PbxConnectionProfilePatched$/);
    }
    const patched = (spec.components['responses'] as Record<string, { headers?: Record<string, unknown> }>)['PbxConnectionProfilePatched'];
    expect(Object.keys(patched?.headers ?? {})).toEqual(['Request-Context']);
    expect((schemas['ErrorEnvelope']?.['properties'] as Record<string, unknown>)['errorCode']).toBeDefined();
    expect(schemas['ErrorEnvelope']?.['required']).not.toContain('errorCode');
    expect(schemas['PbxConnectionProfileEnabled']?.['description']).toMatch(/When a\s+Customer is enabled the Pbx connection will be started/);
    expect(guide('PBX connection profiles')).toMatch(/default PBX template/);
    expect(schemas['CountryCode']?.['description']).toContain('`Inherited`');
  });

  it('states nothing the vendor never said as its fact', () => {
    const oauth2 = (spec.components['securitySchemes'] as Record<string, { description: string; flows: { authorizationCode: { scopes: Record<string, string> } } }>)['oauth2'];
    expect(oauth2?.flows.authorizationCode.scopes['onboarding']).toMatch(/not documented/);
    expect(oauth2?.description).not.toMatch(/onboarding` grants/);
    expect(guide('Getting started')).not.toMatch(/\| `onboarding` \| Access to/);
    expect(schemas['KazooAccountId']?.['description']).not.toMatch(/hexadecimal/);
    expect(JSON.stringify(spec)).not.toMatch(/restarts? the collector once(?! or once each)|one collector restart/);
    for (const name of ['ThreeCxUsername', 'ThreeCxPassword']) expect(schemas[name]?.['x-decision']).toMatch(/name/);
    expect(guide('Profile types')).not.toMatch(/every twenty minutes|signs in to 3CX with\. \|/);
  });

  it('does not state the observed countryCode "US" as a default', () => {
    expect(JSON.stringify(spec)).not.toMatch(/[Dd]efaults to `US`/);
  });

  it('says list and get return only the fields of the vendor example, as its schemas do', () => {
    const prose = guide('PBX connection profiles');
    expect(prose).not.toMatch(/list, get and create return profiles with the\s+server-set `id`, `tenantId`, `countryCode` and `enabled`/);
    for (const name of ['KazooPbxConnectionProfile', 'ThreeCxConnectionProfile', 'OtherPbxConnectionProfile']) {
      expect(schemas[name]?.['required']).toEqual(['_type', 'id', 'name', 'tenantId']);
    }
    expect(prose).toMatch(/List and get return profiles\s+with at least `_type`, `id`, `name` and `tenantId`/);
  });
});

describe('what the vendor does not say is stated as a decision', () => {
  const parameters = spec.components['parameters'] as Record<string, Record<string, unknown>>;
  const responses = spec.components['responses'] as Record<string, Record<string, unknown>>;
  const listEnvelope = schemas['ListEnvelope'] as { allOf: { properties?: Record<string, Record<string, unknown>> }[] };

  const decided: [string, Record<string, unknown> | undefined, RegExp][] = [
    ['the 400 without accept-charges', parameters['AcceptCharges'], /400/],
    ['the 400 without instanceId', parameters['InstanceId'], /400/],
    ['the 400 cases beyond the vendor two', responses['BadRequest'], /accept-charges.*instanceId/],
    ['the GUID form', schemas['Guid'], /braces/],
    ['the countryCode pattern and the observed US', schemas['CountryCode'], /observation/],
    ['the URI schemes of hostRest', schemas['KazooHostRest'], /https/],
    ['the URI schemes of hostWebsocket', schemas['KazooHostWebsocket'], /wss/],
    ['the enableRecordingArchive default', (schemas['ThreeCxConnectionProfileCreate']?.['properties'] as Record<string, Record<string, unknown>>)['enableRecordingArchive'], /false/],
    ['no negative TimeSpan', schemas['TimeSpan'], /negative/],
    ['/enabled false stops collection', schemas['PbxConnectionProfileEnabled'], /false/],
    ['the seven fraction digits of timestamps', schemas['Timestamp'], /seven/],
    ['page_size as a number, not the template string', listEnvelope.allOf.find((part) => part.properties)?.properties?.['page_size'], /string/],
    ['404 on patch', operation('patchPbxConnectionProfile'), /404/],
    ['the paths a patch may replace', schemas['JsonPatchOperation'], /path that does not exist/],
    ['several operations in one patch', schemas['JsonPatch'], /once or once each is not\s+documented/],
    ['what the onboarding scope grants', (spec.components['securitySchemes'] as Record<string, Record<string, unknown>>)['oauth2'], /onboarding/],
    ['no Kazoo account id format', schemas['KazooAccountId'], /No format is documented/],
    ['the token request bodies', (spec.components['securitySchemes'] as Record<string, Record<string, unknown>>)['oauth2'], /RFC 6749/],
  ];

  it.each(decided)('%s', (_, node, says) => {
    expect(node?.['x-decision']).toMatch(says);
  });
});
