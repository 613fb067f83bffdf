// The one place that reads Prism's English: each kind of diagnostic Prism gives for a parameter,
// as this version words it, and the keyword and params the adapter reads back from it.
import { describe, expect, it } from 'vitest';
import { toFinding } from '../src/prism-engine.js';

const GUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

describe('Prism diagnostics as findings', () => {
  it.each([
    [['path', 'pbxid'], 'format', 'Request path parameter pbxid must match format "uuid"', { format: 'uuid' }],
    [['path', 'pbxid'], 'pattern', `Request path parameter pbxid must match pattern "${GUID}"`, { pattern: GUID }],
    [['query'], 'required', "Request query must have required property 'instanceid'", { missingProperty: 'instanceid' }],
    [['query', 'instanceid'], 'type', 'Request query parameter instanceid must be string', { type: 'string' }],
    [['header', 'accept-charges'], 'enum', 'Request header parameter accept-charges must be equal to one of the allowed values: true', { allowedValues: ['true'] }],
    [['query', 'instanceid'], 'minLength', 'Request query parameter instanceid must NOT have fewer than 1 characters', { limit: 1 }],
    [['query', 'instanceid'], 'maxLength', 'Request query parameter instanceid must NOT have more than 64 characters', { limit: 64 }],
    [['body', '_type'], 'const', 'Request body property _type must be equal to constant', {}],
    [[], 'required', 'Body parameter is required', {}],
  ])('%j %s', (path, code, message, params) => {
    expect(toFinding({ path, code, message, severity: 0 })).toEqual({ location: path, keyword: code, params, message, severity: 'error' });
  });
});
