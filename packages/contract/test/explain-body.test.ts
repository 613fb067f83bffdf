import { describe, expect, it } from 'vitest';
import { loadContract } from '../src/index.js';

const contract = loadContract();
const create = contract.operation('createPbxConnectionProfile');
const patch = contract.operation('patchPbxConnectionProfile');
const PATHS = ['name', 'enabled', 'countryCode', 'hostRest', 'hostWebsocket', 'accountId', 'apiKey', 'monitorSubAccounts', 'licenseKey', 'username', 'password', 'enableRecordingArchive', 'recordingArchiveFrequency']
  .map((field) => `"/${field}"`)
  .join(', ');
const threeCx = { _type: 'ThreeCxConnectionProfile', name: 'x', licenseKey: 'k', username: 'u', password: 'p' };

describe('explainBody: each wrong field along the body\'s own _type variant', () => {
  it.each<[string, typeof create, unknown, string[]]>([
    ['a valid body', create, threeCx, []],
    ['a missing field and an unknown one', create, { ...threeCx, licenseKey: undefined, 名: 1 }, ['body field licenseKey is required', 'body field 名 is not allowed']],
    ['an unknown _type', create, { _type: 'Teams' }, ['body field _type must be one of "KazooPbxConnectionProfile", "ThreeCxConnectionProfile"']],
    ['no _type', create, { name: 'x' }, ['body field _type is required (one of "KazooPbxConnectionProfile", "ThreeCxConnectionProfile")']],
    ['no object', create, 'text', ['the body must be a JSON object with _type one of "KazooPbxConnectionProfile", "ThreeCxConnectionProfile"']],
    ['an empty name', create, { ...threeCx, name: '' }, ['body field name must not be empty']],
    ['a patch operation on an unknown path', patch, [{ op: 'replace', path: '/colour', value: 'x' }], [`body field 0/path must be one of ${PATHS}`]],
    // A value that fits no branch of LenientBoolean: one phrase about the value, never the path blamed.
    ['/enabled set to "yes"', patch, [{ op: 'replace', path: '/enabled', value: 'yes' }], ['body field 0/value must be of type boolean, or one of "true", "false"']],
    ['/enabled set to a number', patch, [{ op: 'replace', path: '/enabled', value: 3 }], ['body field 0/value must be of type boolean, or one of "true", "false"']],
    ['/enabled set to "true"', patch, [{ op: 'replace', path: '/enabled', value: 'true' }], []],
    ['/name set to a number', patch, [{ op: 'replace', path: '/name', value: 5 }], ['body field 0/value must be of type string']],
    ['a lenient boolean setting of a create', create, { ...threeCx, enableRecordingArchive: 'yes' }, ['body field enableRecordingArchive must be of type boolean, or one of "true", "false"']],
    // A body that fits exactly one other variant: the tag is named as the likely mistake.
    ['3CX fields under the Kazoo _type', create, { ...threeCx, _type: 'KazooPbxConnectionProfile' }, [
      'body field _type is "KazooPbxConnectionProfile" but the other fields are those of "ThreeCxConnectionProfile"',
      'body field hostRest is required',
      'body field hostWebsocket is required',
      'body field accountId is required',
      'body field apiKey is required',
      'body field licenseKey is not allowed',
      'body field username is not allowed',
      'body field password is not allowed',
    ]],
  ])('%s', (_, operation, body, want) => {
    expect(contract.explainBody(operation, body)).toEqual(want);
  });
});
