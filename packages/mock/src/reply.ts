import type { IncomingHttpHeaders } from 'node:http';
import { errorEnvelope } from '@myreports/pbx-contract';
import type { Refusal } from './refusals.js';

/** A request as the HTTP server read it: body bytes already within the size limit. */
export interface RawRequest {
  method: string;
  /** Request target: path and query, e.g. `/v1.0/pbxs?instanceId=1`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Scheme, host and port the client called, when it is not the server's own address (in-process fetch): the base of `Location`. */
  origin?: string;
}

/** What the HTTP server writes back. */
export interface Reply {
  status: number;
  /** A list for a header sent more than once (an upstream's `Set-Cookie`s). */
  headers: Record<string, string | string[]>;
  body: string | Buffer;
  /** For the request log: why a request was refused, or how an exchange breaks the contract. */
  message?: string;
  violations?: string[];
  /** The spec's operation the request was routed to, for the request journal. */
  operationId?: string;
  /** Close the connection with no answer (a fault a test asked for): the body is not sent. */
  reset?: boolean;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

/** The one builder of error replies: the API's envelope with the refusal's status and message. */
export function refuse(refusal: Refusal): Reply {
  return {
    status: refusal.status,
    headers: { 'content-type': JSON_TYPE, ...refusal.headers },
    body: JSON.stringify(errorEnvelope(refusal.status, refusal.message)),
    message: refusal.message,
  };
}
