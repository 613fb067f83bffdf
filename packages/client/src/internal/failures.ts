// What the resilience layer throws when a request ends without a usable response, before the client
// turns it into the PbxError a caller catches. Each carries only what the client itself knows.

/** `getToken` threw or rejected: nothing was sent. */
export class TokenFailure extends Error {}

/** A 3xx the client does not follow: on POST and PATCH always, on GET and DELETE to another origin. */
export class RedirectRefused extends Error {
  constructor(
    readonly response: Response,
    /** The host the redirect points at, or undefined when the runtime hides it (a browser's opaque redirect). */
    readonly host: string | undefined,
    readonly crossOrigin: boolean,
  ) {
    super('');
  }
}

/** The body is larger than `maxResponseBytes` (after decompression). */
export class BodyTooLarge extends Error {
  constructor(
    readonly response: Response,
    readonly limit: number,
  ) {
    super('');
  }
}
