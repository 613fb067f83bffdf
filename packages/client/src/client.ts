// The client: one method per operation of the spec, named after the API, each a typed call of
// openapi-fetch against the generated `paths`, so a spec change that breaks a call breaks the build.
import createFetchClient, { type Client } from 'openapi-fetch';
import type { paths } from '@myreports/pbx-types';
import { chargesNotAccepted, failure, invalidEnvelope, statusError } from './internal/failures.js';
import { createResilientFetch, type Attempts } from './internal/resilient-fetch.js';
import { resolveCall, resolveSettings, type CallOptions, type ChargeableCallOptions, type ClientOptions } from './options.js';
import { patchOperations } from './patch.js';
import { isObject, maskQuotedSecrets, secretsOf } from './redaction.js';
import { result, type PbxCreatedResult, type PbxResult } from './results.js';
import {
  INSTANCES,
  PBX,
  PBXS,
  type AnyPbxConnectionProfile,
  type CustomerIds,
  type InstanceId,
  type JsonPatch,
  type KazooPbxConnectionProfile,
  type KazooPbxConnectionProfileCreate,
  type PbxConnectionProfile,
  type PbxConnectionProfileCreate,
  type PbxInstanceLookup,
  type ProfileIds,
  type ThreeCxConnectionProfile,
  type ThreeCxConnectionProfileCreate,
} from './types.js';
import { USER_AGENT } from './version.js';

export interface PbxClient {
  /** Lists the customer's profiles (`GET …/pbxs`). `switch (p._type)` narrows each; undocumented types: `isOtherProfile`. */
  list(ids: CustomerIds, options?: CallOptions): Promise<PbxResult<AnyPbxConnectionProfile[]>>;
  /** Gets one profile (`GET …/pbxs/{pbxId}`). */
  get(ids: ProfileIds, options?: CallOptions): Promise<PbxResult<AnyPbxConnectionProfile>>;
  /** Creates a profile, disabled (`POST …/pbxs`, with `accept-charges`). Never retried, never redirected. */
  create(ids: CustomerIds, body: KazooPbxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<KazooPbxConnectionProfile>>;
  create(ids: CustomerIds, body: ThreeCxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<ThreeCxConnectionProfile>>;
  create(ids: CustomerIds, body: PbxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<PbxConnectionProfile>>;
  /**
   * Applies JSON Patch operations (`PATCH …/pbxs/{pbxId}`, with `accept-charges`). Restarts the PBX
   * collector: send every change in one call. Never retried, never redirected.
   */
  patch(ids: ProfileIds, operations: JsonPatch, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `replace /name`. */
  rename(ids: ProfileIds, name: string, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `replace /enabled` true: the platform connects to the PBX and starts collecting events. */
  enable(ids: ProfileIds, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `replace /enabled` false. */
  disable(ids: ProfileIds, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** Deletes a profile: the platform disconnects from the PBX (`DELETE …/pbxs/{pbxId}`). */
  delete(ids: ProfileIds, options?: CallOptions): Promise<PbxResult<undefined>>;
  /** Tells whether any profile uses a PBX instance (Kazoo account id, 3CX licence key, Teams tenant id). */
  findByInstance(instanceId: InstanceId, options?: CallOptions): Promise<PbxResult<PbxInstanceLookup>>;
  /** The underlying openapi-fetch client (same base URL, auth, timeouts, retries, redirect rules and size limit), for anything else. */
  readonly raw: Client<paths>;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** What every typed openapi-fetch call of the methods shares: the body is read by the resilience layer. */
type SharedInit = { parseAs: 'stream'; fetch: (request: Request) => Promise<Response>; headers?: Record<string, string> };
/** Whether the envelope's `data` has the documented shape. */
type DataCheck = (data: unknown) => boolean;

const hasObject: DataCheck = (data) => isObject(data) && !Array.isArray(data);
const hasNothing: DataCheck = () => true;

// Browsers (and their workers) refuse or preflight a User-Agent header; every other runtime sends it.
const inBrowser = typeof navigator === 'object' && /^Mozilla\//.test(navigator.userAgent);

export function createClient(options: ClientOptions): PbxClient {
  const settings = resolveSettings(options);
  const { send, where } = createResilientFetch(settings);
  const raw = createFetchClient<paths>({
    baseUrl: settings.baseUrl,
    ...(inBrowser ? {} : { headers: { 'User-Agent': USER_AGENT } }),
    // The raw client: the call's signal is the Request's own; the body comes back in a new Response.
    fetch: (request) => {
      const call = { timeoutMs: settings.timeoutMs, retries: settings.retries, signal: request.signal };
      return send(request, call).catch((error: unknown) => Promise.reject(failure(error, where(request), call)));
    },
  });
  /**
   * Runs one typed openapi-fetch call and returns its result, or throws the error that explains why
   * there is none. `exec` makes the call; everything else is shared by the methods.
   */
  async function run(method: Method, template: string, options: ChargeableCallOptions | undefined, check: DataCheck, secrets: string[], exec: (init: SharedInit) => Promise<{ response: Response }>) {
    const call = resolveCall(settings, options);
    if ((method === 'POST' || method === 'PATCH') && !call.acceptCharges) {
      throw chargesNotAccepted({ method, path: template });
    }
    const attempts: Attempts = { timeoutMs: call.timeoutMs, retries: call.retries, signal: call.signal, readsBody: true };
    let sent: Request | undefined;
    const init: SharedInit = { parseAs: 'stream', fetch: (request) => send((sent = request), attempts) };
    if (call.headers) init.headers = call.headers;
    let response: Response;
    try {
      ({ response } = await exec(init));
    } catch (error) {
      // Before anything was sent (openapi-fetch refused the request), the path template is all there is.
      throw failure(error, sent ? where(sent) : { method, path: template }, attempts);
    }
    let envelope: any;
    try {
      envelope = JSON.parse(attempts.text ?? '');
    } catch {
      // The parser's message quotes the body, which may hold secrets: it is not passed on.
    }
    if (!response.ok) throw statusError(where(sent!), response, envelope, (text) => maskQuotedSecrets(text, [attempts.token, ...secrets]));
    const location = method === 'POST' ? response.headers.get('location') : null;
    if (!isObject(envelope) || envelope.status !== 'success' || typeof envelope.timestamp !== 'string' || !check(envelope.data) || (method === 'POST' && !location)) {
      throw invalidEnvelope(where(sent!), response, method === 'POST');
    }
    return result(envelope.data, envelope.timestamp, response, location);
  }

  const client: PbxClient = {
    raw,
    list: (ids, options) =>
      run('GET', PBXS, options, Array.isArray, [], (init) => raw.GET(PBXS, { ...init, params: { path: ids } })) as Promise<PbxResult<AnyPbxConnectionProfile[]>>,
    get: (ids, options) =>
      run('GET', PBX, options, hasObject, [], (init) => raw.GET(PBX, { ...init, params: { path: ids } })) as Promise<PbxResult<AnyPbxConnectionProfile>>,
    create: ((ids: CustomerIds, body: PbxConnectionProfileCreate, options?: ChargeableCallOptions) =>
      run('POST', PBXS, options, hasObject, secretsOf(body), (init) =>
        raw.POST(PBXS, { ...init, params: { path: ids, header: { 'accept-charges': 'true' } }, body }),
      )) as PbxClient['create'],
    patch: (ids, operations, options) =>
      run('PATCH', PBX, options, hasNothing, [], (init) =>
        raw.PATCH(PBX, { ...init, params: { path: ids, header: { 'accept-charges': 'true' } }, body: operations }),
      ) as Promise<PbxResult<undefined>>,
    rename: (ids, name, options) => client.patch(ids, [patchOperations.rename(name)], options),
    enable: (ids, options) => client.patch(ids, [patchOperations.enable()], options),
    disable: (ids, options) => client.patch(ids, [patchOperations.disable()], options),
    delete: (ids, options) =>
      run('DELETE', PBX, options, hasNothing, [], (init) => raw.DELETE(PBX, { ...init, params: { path: ids } })) as Promise<PbxResult<undefined>>,
    findByInstance: (instanceId, options) =>
      run('GET', INSTANCES, options, hasObject, [instanceId], (init) => raw.GET(INSTANCES, { ...init, params: { query: { instanceId } } })) as Promise<
        PbxResult<PbxInstanceLookup>
      >,
  };
  return client;
}
