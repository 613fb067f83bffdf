/**
 * A stored profile, as get returns it: the fields every type has, plus the settings of its `_type`
 * exactly as they were sent. Stored objects are frozen: a change replaces the whole object, so no
 * reader ever sees half of a patch.
 */
export type Profile = Readonly<{
  _type: string;
  id: string;
  name: string;
  tenantId: string;
  countryCode?: string;
  enabled?: boolean;
  [setting: string]: unknown;
}>;

/** The fields of `OtherPbxConnectionProfile`: what every profile has, whatever its type. List items carry these. */
const COMMON_FIELDS = ['_type', 'id', 'name', 'tenantId', 'countryCode', 'enabled'] as const;

export function summary(profile: Profile): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of COMMON_FIELDS) if (profile[field] !== undefined) result[field] = profile[field];
  return result;
}

/**
 * The PBX instance a profile connects to, as find by instance looks it up: the Kazoo `accountId`,
 * the 3CX `licenseKey`. Other types (Teams) have no documented instance field.
 */
export function instanceOf(profile: Profile): string | undefined {
  const field = INSTANCE_FIELDS[profile._type];
  const value = field ? profile[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

const INSTANCE_FIELDS: Record<string, string> = {
  KazooPbxConnectionProfile: 'accountId',
  ThreeCxConnectionProfile: 'licenseKey',
};

/** GUIDs are compared as .NET compares them: without regard to case. Keys are lower case. */
export const guidKey = (guid: string): string => guid.toLowerCase();
