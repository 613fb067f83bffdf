import { IDS, validAcceptCharges } from '@myreports/pbx-fixtures';

/** Paths of the three resources, on the ids every example uses. */
export const PATHS = {
  profiles: `/v1.0/accounts/${IDS.accountTenantId}/customers/${IDS.customerTenantId}/pbxs`,
  profile: (pbxId: string = IDS.kazooPbxId) => `/v1.0/accounts/${IDS.accountTenantId}/customers/${IDS.customerTenantId}/pbxs/${pbxId}`,
  find: (instanceId = '12345') => `/v1.0/pbxs?instanceId=${encodeURIComponent(instanceId)}`,
};

export const BEARER = { authorization: 'Bearer test-token' };
export const WRITE_HEADERS = { ...BEARER, 'accept-charges': validAcceptCharges, 'content-type': 'application/json' };

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined if empty. */
  json: any;
}

/** One real HTTP request to the mock. */
export async function call(baseUrl: string, method: string, path: string, init: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: init.headers ?? {},
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}
