// The client: the transport, the generic call over it, and each resource's methods from its rows
// (src/resources/, one folder per tag of the spec). `raw` is openapi-fetch itself over the same
// transport, for anything else.
import createFetchClient, { type Client } from 'openapi-fetch';
import type { paths } from '@myreports/pbx-types';
import { resolveSettings, type ClientOptions, type Settings } from './core/options.js';
import { createCall, type Call } from './internal/call.js';
import { createTransport } from './internal/transport.js';
import { accounts, type Accounts } from './resources/accounts/index.js';
import { customerUsers, type CustomerUsers } from './resources/customer-users/index.js';
import { customers, type Customers } from './resources/customers/index.js';
import { pbxConnectionProfiles, type PbxConnectionProfiles } from './resources/pbx-connection-profiles/index.js';
import type { DeprecatedProfileMethods } from './resources/pbx-connection-profiles/deprecated.js';
import { USER_AGENT } from './version.js';

export interface PbxClient extends DeprecatedProfileMethods {
  /** Reseller accounts, and an account's metrics (tag "Accounts"). */
  readonly accounts: Accounts;
  /** An account's customers (tag "Customers"). */
  readonly customers: Customers;
  /** A customer's users and their licence and access roles (tag "Customer users"). */
  readonly users: CustomerUsers;
  /** A customer's PBX connection profiles, under its account or on the reseller mirror (tag "PBX connection profiles"). */
  readonly profiles: PbxConnectionProfiles;
  /** The underlying openapi-fetch client (same base URL, auth, timeouts, retries, redirect rules and size limit), for anything else. */
  readonly raw: Client<paths>;
}

// Browsers (and their workers) refuse or preflight a User-Agent header; every other runtime sends it.
const inBrowser = typeof navigator === 'object' && /^Mozilla\//.test(navigator.userAgent);
const baseHeaders = inBrowser ? {} : { 'User-Agent': USER_AGENT };

/** The options checked, the transport and the generic call every resource's methods go through. */
function connect(options: ClientOptions): { settings: Settings; transport: ReturnType<typeof createTransport>; call: Call } {
  const settings = resolveSettings(options);
  const transport = createTransport(settings);
  return { settings, transport, call: createCall(settings, transport, baseHeaders) };
}

/** A client for every resource of the API: `client.accounts`, `client.customers`, `client.users`, `client.profiles`. */
export function createClient(options: ClientOptions): PbxClient {
  const { settings, transport, call } = connect(options);
  const raw = createFetchClient<paths>({
    baseUrl: settings.baseUrl,
    headers: baseHeaders,
    // The call's signal is the Request's own; the body read by the transport comes back in a new Response.
    fetch: (request) =>
      transport.send(request, { timeoutMs: settings.timeoutMs, retries: settings.retries, signal: request.signal }).then(({ response, text }) => new Response(text || null, response)),
  });
  const profiles = pbxConnectionProfiles(call);
  // The profile methods also stay at the top, deprecated (see DeprecatedProfileMethods).
  return { ...profiles, accounts: accounts(call), customers: customers(call), users: customerUsers(call), profiles, raw };
}

/**
 * The profile operations alone (what `client.profiles` holds), for an app that needs nothing else:
 * a bundler then leaves the other resources and openapi-fetch's own client out.
 */
export function createProfilesClient(options: ClientOptions): PbxConnectionProfiles {
  return pbxConnectionProfiles(connect(options).call);
}
