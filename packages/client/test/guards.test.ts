// The narrowing helpers on the spec's own examples, documented and undocumented types alike.
import { describe, expect, test } from 'vitest';
import {
  isDocumentedProfile,
  isKazooProfile,
  isOtherProfile,
  isThreeCxProfile,
  patchOperations,
  PROFILE_TYPES,
  type AnyPbxConnectionProfile,
} from '@myreports/pbx-client';
import { createSpecValidator, exampleValue, loadBundledSpec } from '@myreports/pbx-fixtures';

const spec = loadBundledSpec();
const [kazoo, threeCx, teams] = exampleValue<{ data: AnyPbxConnectionProfile[] }>(spec, 'ProfileList').data as [
  AnyPbxConnectionProfile,
  AnyPbxConnectionProfile,
  AnyPbxConnectionProfile,
];

describe('type guards', () => {
  test.each([
    ['isKazooProfile', isKazooProfile, [true, false, false]],
    ['isThreeCxProfile', isThreeCxProfile, [false, true, false]],
    ['isDocumentedProfile', isDocumentedProfile, [true, true, false]],
    ['isOtherProfile', isOtherProfile, [false, false, true]],
  ] as const)('%s on Kazoo, 3CX and Teams', (_, guard, expected) => {
    expect([kazoo, threeCx, teams].map((profile) => guard(profile))).toEqual(expected);
  });

  test('PROFILE_TYPES is the enum of the spec', () => {
    expect(PROFILE_TYPES).toEqual((spec.components.schemas.PbxConnectionProfileType as { enum: string[] }).enum);
  });

  test('_type is compared exactly: another case is an undocumented type', () => {
    // As the API would send it: JSON, typed by the client only once parsed.
    const lowerCase: AnyPbxConnectionProfile = JSON.parse(JSON.stringify({ ...kazoo, _type: 'kazoopbxconnectionprofile' }));
    expect(isOtherProfile(lowerCase)).toBe(true);
  });
});

describe('patchOperations', () => {
  const validator = createSpecValidator(spec);

  test('build operations the spec accepts', () => {
    const patch = [patchOperations.rename('Head office'), patchOperations.enable(), patchOperations.disable()];
    expect(validator.validateSchema('JsonPatch', patch)).toEqual({ valid: true, errors: [] });
    expect(patch).toEqual([
      { op: 'replace', path: '/name', value: 'Head office' },
      { op: 'replace', path: '/enabled', value: true },
      { op: 'replace', path: '/enabled', value: false },
    ]);
  });

  test('an empty name is rejected by the spec (the builder does not hide it)', () => {
    expect(validator.validateSchema('JsonPatch', [patchOperations.rename('')]).valid).toBe(false);
  });
});
