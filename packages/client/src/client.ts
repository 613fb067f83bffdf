// The client: one method per operation of the spec, named after the API, on top of openapi-fetch.
import createFetchClient, { type Client } from 'openapi-fetch';
import type { paths } from '@myreports/pbx-types';
import { errorForStatus, PbxAbortError, PbxConnectionError, PbxError, PbxInvalidResponseError, PbxTimeoutError } from './errors.js';
import { createResilientFetch, TokenFailure } from './internal/resilient-fetch.js';
import { resolveSettings, type ClientOptions, type Settings } from './options.js';
import { patchOperations } from './patch.js';
import { isObject, redactText, secretsOf } from './redaction.js';
import { PbxResult, type PbxCreatedResult } from './results.js';
import type {
  AnyPbxConnectionProfile,
  CustomerIds,
  JsonPatch,
  KazooPbxConnectionProfile,
  KazooPbxConnectionProfileCreate,
  PbxConnectionProfile,
  PbxConnectionProfileCreate,
  PbxInstanceLookup,
  ProfileIds,
  ThreeCxConnectionProfile,
  ThreeCxConnectionProfileCreate,
} from './types.js';

/** Options of one call. For a deadline of this call only, pass `signal: AbortSignal.timeout(ms)`. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Options of a call that may cause charges (create, patch). */
export interface ChargeableCallOptions extends CallOptions {
  /** Sends `accept-charges: true` for this call even if the client was not created with it. */
  acceptCharges?: boolean;
}

export interface PbxClient {
  /** Lists the customer's profiles (`GET …/pbxs`). Items may be of undocumented types: see `isOtherProfile`. */
  list(ids: CustomerIds, options?: CallOptions): Promise<PbxResult<AnyPbxConnectionProfile[]>>;
  /** Gets one profile (`GET …/pbxs/{pbxId}`). */
  get(ids: ProfileIds, options?: CallOptions): Promise<PbxResult<AnyPbxConnectionProfile>>;
  /** Creates a profile, disabled (`POST …/pbxs`, with `accept-charges`). Never retried. */
  create(ids: CustomerIds, body: KazooPbxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<KazooPbxConnectionProfile>>;
  create(ids: CustomerIds, body: ThreeCxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<ThreeCxConnectionProfile>>;
  create(ids: CustomerIds, body: PbxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<PbxConnectionProfile>>;
  /**
   * Applies JSON Patch operations (`PATCH …/pbxs/{pbxId}`, with `accept-charges`). Restarts the PBX
   * collector: send every change in one call. Never retried.
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
  findByInstance(instanceId: string, options?: CallOptions): Promise<PbxResult<PbxInstanceLookup>>;
  /** The underlying openapi-fetch client (same base URL, auth, timeouts and retries), for anything else. */
  readonly raw: Client<paths>;
}

const PBXS = '/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs';
const PBX = `${PBXS}/{pbxId}`;
const INSTANCES = '/v1.0/pbxs';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Envelope = { status: 'success'; timestamp: string; data?: unknown };
type Outcome = { data?: string | undefined; error?: unknown; response: Response };
type CallInit = { parseAs: 'text'; signal?: AbortSignal; fetch: (input: Request) => Promise<Response> };
type Params = { path?: object; query?: object; header?: object };
/** openapi-fetch's `request()` without its per-path typing: the public methods carry the types. */
type LooseRequest = (method: Method, path: string, init: CallInit & { params: Params; body?: unknown }) => Promise<Outcome>;
/** Whether the envelope's `data` has the documented shape. */
type DataCheck = (data: unknown) => boolean;

const hasObject: DataCheck = (data) => isObject(data) && !Array.isArray(data);
const hasNothing: DataCheck = () => true;

/** `/v1.0/…/pbxs/{pbxId}` with the ids filled in, for messages; never the query (a licence key may be in it). */
const fillPath = (template: string, ids: Record<string, unknown> = {}) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(ids[name])));

export function createClient(options: ClientOptions): PbxClient {
  const settings = resolveSettings(options);
  let lastToken: string | undefined;
  // A static token is scrubbed from messages as settings.token; a fetched one is remembered to be scrubbed too.
  const resilience: Settings = settings.token ? settings : { ...settings, getToken: async () => (lastToken = await settings.getToken()) };
  const defaultFetch = createResilientFetch(resilience);
  const raw = createFetchClient<paths>({ baseUrl: settings.baseUrl, fetch: defaultFetch });
  const request = raw.request as unknown as LooseRequest;

  /** Why a request that got no usable response failed, as the error class the caller catches. */
  function failure(error: any, method: Method, path: string, call: CallOptions | undefined, scrub: (text: string) => string): PbxError {
    const where = { method, path, cause: error };
    if (error instanceof TokenFailure) return new PbxError(`${method} ${path} was not sent: getToken() failed (see cause).`, { ...where, cause: error.cause });
    if (call?.signal?.aborted || error?.name === 'AbortError') {
      return new PbxAbortError(`${method} ${path} was aborted by the caller.`, { ...where, cause: call?.signal?.reason ?? error });
    }
    if (error?.name === 'TimeoutError') return new PbxTimeoutError(`${method} ${path} got no complete response within ${settings.timeoutMs} ms.`, where);
    const reason = String(error?.cause?.code ?? error?.cause?.message ?? error?.message ?? error);
    return new PbxConnectionError(`${method} ${path} failed before a complete response arrived: ${scrub(reason)}.`, where);
  }

  /**
   * Sends one request through openapi-fetch and returns its result, or throws the error that explains
   * why there is none. The call's fetch tells the resilience layer whether the caller has a signal.
   */
  async function send(method: Method, template: string, params: Params, call: ChargeableCallOptions | undefined, check: DataCheck, body?: unknown, secrets: string[] = []) {
    const path = () => fillPath(template, params.path as Record<string, unknown>);
    const scrub = (text: string) => redactText(text, [settings.token, lastToken, ...secrets]);
    if (method === 'POST' || method === 'PATCH') {
      if (!(call?.acceptCharges ?? settings.acceptCharges)) {
        throw new PbxError(`${method} ${path()} may cause charges and was not sent: pass acceptCharges: true to createClient() or to this call.`, { method, path: path() });
      }
      params.header = { 'accept-charges': 'true' };
    }
    const init: CallInit & { params: Params; body?: unknown } = { params, parseAs: 'text', fetch: (input) => defaultFetch(input, undefined, call?.signal ?? null) };
    if (body !== undefined) init.body = body;
    if (call?.signal) init.signal = call.signal;
    let outcome: Outcome;
    try {
      outcome = await request(method, template, init);
    } catch (error) {
      throw failure(error, method, path(), call, scrub);
    }
    const { response } = outcome;
    if (!response.ok) throw errorForStatus(method, path(), response, outcome.error, scrub);
    let envelope: Envelope | undefined;
    try {
      envelope = JSON.parse(outcome.data ?? '');
    } catch {
      // The parser's message quotes the body, which may hold secrets: it is not passed on.
    }
    const location = method === 'POST' ? response.headers.get('location') : null;
    if (!isObject(envelope) || envelope.status !== 'success' || typeof envelope.timestamp !== 'string' || !check(envelope.data) || (method === 'POST' && !location)) {
      const type = response.headers.get('content-type');
      throw new PbxInvalidResponseError(`${method} ${path()} answered ${response.status}, but not with the documented JSON envelope${method === 'POST' ? ' and Location header' : ''} (content type ${type}).`, {
        method,
        path: path(),
        response,
      });
    }
    const { data, timestamp } = envelope;
    return new PbxResult(data, timestamp, response, location);
  }

  const client: PbxClient = {
    raw,
    list: (ids, call) => send('GET', PBXS, { path: ids }, call, Array.isArray),
    get: (ids, call) => send('GET', PBX, { path: ids }, call, hasObject),
    create: (ids: CustomerIds, body: PbxConnectionProfileCreate, call?: ChargeableCallOptions) => send('POST', PBXS, { path: ids }, call, hasObject, body, secretsOf(body)),
    patch: (ids, operations, call) => send('PATCH', PBX, { path: ids }, call, hasNothing, operations),
    rename: (ids, name, call) => client.patch(ids, [patchOperations.rename(name)], call),
    enable: (ids, call) => client.patch(ids, [patchOperations.enable()], call),
    disable: (ids, call) => client.patch(ids, [patchOperations.disable()], call),
    delete: (ids, call) => send('DELETE', PBX, { path: ids }, call, hasNothing),
    findByInstance: (instanceId, call) => send('GET', INSTANCES, { query: { instanceId } }, call, hasObject, undefined, [instanceId]),
  } as PbxClient;
  return client;
}
