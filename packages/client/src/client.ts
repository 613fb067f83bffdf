// The client: the transport, the generic call over it, and each resource's methods from its rows
// (src/resources/). `raw` is openapi-fetch itself over the same transport, for anything else.
import createFetchClient, { type Client } from 'openapi-fetch';
import type { paths } from '@myreports/pbx-types';
import { resolveSettings, type ClientOptions } from './core/options.js';
import { createCall } from './internal/call.js';
import { createTransport } from './internal/transport.js';
import { pbxConnectionProfiles, type PbxConnectionProfiles } from './resources/pbx-connection-profiles/index.js';
import { USER_AGENT } from './version.js';

export interface PbxClient extends PbxConnectionProfiles {
  /** The underlying openapi-fetch client (same base URL, auth, timeouts, retries, redirect rules and size limit), for anything else. */
  readonly raw: Client<paths>;
}

// Browsers (and their workers) refuse or preflight a User-Agent header; every other runtime sends it.
const inBrowser = typeof navigator === 'object' && /^Mozilla\//.test(navigator.userAgent);

export function createClient(options: ClientOptions): PbxClient {
  const settings = resolveSettings(options);
  const transport = createTransport(settings);
  const headers = inBrowser ? {} : { 'User-Agent': USER_AGENT };
  const raw = createFetchClient<paths>({
    baseUrl: settings.baseUrl,
    headers,
    // The call's signal is the Request's own; the body read by the transport comes back in a new Response.
    fetch: (request) =>
      transport.send(request, { timeoutMs: settings.timeoutMs, retries: settings.retries, signal: request.signal }).then(({ response, text }) => new Response(text || null, response)),
  });
  return { raw, ...pbxConnectionProfiles(createCall(settings, transport, headers)) };
}
