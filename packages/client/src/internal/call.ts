// One generic call for every operation of every resource, driven by the operation's row: the row
// says what the spec says (method, path, what `data` holds, whether it may cause charges, whether it
// creates), and turns the method's arguments into the typed parts of the request. The call does the
// rest: options, the charges check, the Request, the transport, the envelope, the error.
import { createFinalURL, createQuerySerializer, defaultPathSerializer, mergeHeaders, type ParamsOption, type RequestBodyOption } from 'openapi-fetch';
import type { paths } from '@myreports/pbx-types';
import { resolveCall, type ChargeableCallOptions, type Settings } from '../core/options.js';
import { isObject } from '../core/redaction.js';
import { result, type PbxResult } from '../core/results.js';
import { chargesNotAccepted, failure, invalidEnvelope, statusError } from './failures.js';
import type { createTransport } from './transport.js';

type Method = 'get' | 'post' | 'patch' | 'delete';

/** The request parts the spec declares for `path` and `method`: `params` (path, query, header) and `body`. */
export type Parts<P extends keyof paths, M extends keyof paths[P] & Method> = ParamsOption<paths[P][M]> & RequestBodyOption<paths[P][M]>;

/**
 * One operation of a resource. `Args` are the method's arguments (before its options), `Data` the
 * type of the envelope's `data` it resolves to (a phantom: checked at run time by `data`).
 */
export interface Row<Args extends unknown[], Data> {
  method: Uppercase<Method>;
  path: keyof paths;
  /** The API wants `accept-charges: true`: without `acceptCharges` nothing is sent. */
  chargeable?: true;
  /** Whether the envelope's `data` has the documented shape; none: the envelope has no `data` to check (patch, delete). */
  data?: (data: unknown) => boolean;
  /** Answers 201 with a `Location` header: the result carries `id` and `location`. */
  creates?: true;
  parts: (...args: Args) => { params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, string> }; body?: unknown };
  /** Values among the arguments that are secrets: masked wherever the API's message echoes them. */
  secrets?: (...args: Args) => unknown[];
  readonly data$?: Data;
}

/**
 * A row whose parts are type-checked against the spec's operation (a renamed parameter breaks the
 * build): `row<Data>()({ method, path, parts, … })`.
 */
export const row =
  <Data>() =>
  <P extends keyof paths, M extends Uppercase<Method>, Args extends unknown[]>(
    spec: { method: M; path: P; parts: (...args: Args) => Parts<P, Lowercase<M> & keyof paths[P]> } & Omit<Row<Args, Data>, 'method' | 'path' | 'parts'>,
  ): Row<Args, Data> => spec;

/** The arguments of a row's method, and what a call of it resolves to (a create's `id` and `location`: the resource core types them). */
type ArgsOf<R> = R extends Row<infer Args extends unknown[], any> ? Args : never;
type Resolves<R> = R extends { readonly data$?: infer Data } ? PbxResult<Data> : never;

/** `data` checks of the rows: a list, or one object. */
export const isList = Array.isArray;
export const isItem = (data: unknown) => isObject(data) && !Array.isArray(data);

/** `baseHeaders`: the client's own headers (the User-Agent, outside browsers). */
export function createCall(settings: Settings, { send, where }: ReturnType<typeof createTransport>, baseHeaders: Record<string, string>) {
  const querySerializer = createQuerySerializer();
  /** Runs one operation: its result, or the error that explains why there is none. */
  return async function call<R extends Row<any, any>>(row: R, args: ArgsOf<R>, options: ChargeableCallOptions | undefined): Promise<Resolves<R>> {
    const { method, path } = row;
    const attempts = resolveCall(settings, options);
    if (row.chargeable && !attempts.acceptCharges) throw chargesNotAccepted({ method, path });
    const secrets = row.secrets?.(...(args as unknown[])) ?? [];
    let request: Request;
    try {
      const { params = {}, body } = row.parts(...(args as unknown[]));
      // As openapi-fetch merges them: the call's headers over the client's, the spec's (accept-charges) over both.
      const headers = mergeHeaders(body ? { 'Content-Type': 'application/json' } : undefined, baseHeaders, attempts.headers, params.header);
      const url = createFinalURL(path, { baseUrl: settings.baseUrl, params, querySerializer, pathSerializer: defaultPathSerializer });
      request = new Request(url, { method, headers, body: body ? JSON.stringify(body) : null });
    } catch (error) {
      // Nothing was sent (a header the runtime refuses, say): the path template is all there is.
      throw failure(error, { method, path }, attempts, secrets);
    }
    const { response, text, token } = await send(request, attempts, secrets);
    let envelope: any;
    try {
      envelope = JSON.parse(text);
    } catch {
      // The parser's message quotes the body, which may hold secrets: it is not passed on.
    }
    if (!response.ok) throw statusError(where(request), response, text, envelope, [token, ...secrets]);
    const location = row.creates ? response.headers.get('location') : null;
    if (!isObject(envelope) || envelope.status !== 'success' || typeof envelope.timestamp !== 'string' || (row.data && !row.data(envelope.data)) || (row.creates && !location)) {
      throw invalidEnvelope(where(request), response, row.creates);
    }
    return result(envelope.data, envelope.timestamp, response, location) as Resolves<R>;
  };
}

export type Call = ReturnType<typeof createCall>;
