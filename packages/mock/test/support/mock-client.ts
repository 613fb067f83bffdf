import { request } from 'node:http';
import { IDS, validAcceptCharges } from '@myreports/pbx-fixtures';

/** Paths of the operations, on the ids every example uses. */
export const PATHS = {
  profiles: `/v1.0/accounts/${IDS.accountTenantId}/customers/${IDS.customerTenantId}/pbxs`,
  profile: (pbxId: string = IDS.kazooPbxId) => `/v1.0/accounts/${IDS.accountTenantId}/customers/${IDS.customerTenantId}/pbxs/${pbxId}`,
  resellerProfiles: `/v1.0/customers/${IDS.customerTenantId}/pbxs`,
  resellerProfile: (pbxId: string = IDS.kazooPbxId) => `/v1.0/customers/${IDS.customerTenantId}/pbxs/${pbxId}`,
  find: (instanceId = '12345') => `/v1.0/pbxs?instanceId=${encodeURIComponent(instanceId)}`,
};

export const BEARER = { authorization: 'Bearer test-token' };
/** What the mock's own paths (`/__mock/…`) need: a header no web page of another site can send. */
export const CONTROL = { 'x-mock-control': '1' };
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

/** One request by node:http, for headers fetch will not send (`Host`); the answer as `call` gives it. */
export function callWith(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(baseUrl + path, { method, headers }, (answer) => {
      let text = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => (text += chunk));
      answer.on('end', () => {
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) answerHeaders.set(name, String(value));
        resolve({ status: answer.statusCode!, headers: answerHeaders, text, json: text ? JSON.parse(text) : undefined });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
