// The API echoes secrets back in clear (apiKey, password, licenseKey) and the bearer token travels
// with every request. The client returns the data as the API sent it; what it writes itself
// (messages, its log lines) is built from parts it controls, so no secret can get in. The only
// foreign text in a message is the API's own `message`, which may quote a value of the request.

/** Fields whose values are secrets wherever they appear in a body. */
const SECRET_FIELDS = new Set(['apiKey', 'password', 'licenseKey']);
const REDACTED = '[redacted]';

export const isObject = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null;

/**
 * A deep copy of `value` (JSON-like data: a result, a profile, a list) with the value of every
 * `apiKey`, `password` and `licenseKey` replaced by `"[redacted]"`, for logs. The original is not
 * changed. A value met again further down (a cycle) is copied once.
 */
export function redactSecrets<T>(value: T): T {
  const copies = new Map<object, unknown>();
  const copy = (item: unknown): unknown => {
    if (!isObject(item)) return item;
    if (copies.has(item)) return copies.get(item);
    const out: Record<string, unknown> | unknown[] = Array.isArray(item) ? [] : {};
    copies.set(item, out);
    for (const [key, child] of Object.entries(item)) (out as Record<string, unknown>)[key] = SECRET_FIELDS.has(key) ? REDACTED : copy(child);
    return out;
  };
  return copy(value) as T;
}

/** The secret values a request body carries, whose echo in the API's message must be masked. */
export const secretsOf = (body: unknown): string[] =>
  isObject(body) ? [...SECRET_FIELDS].map((field) => body[field]).filter((value): value is string => typeof value === 'string' && value !== '') : [];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The API's `message` with each secret masked where the message quotes it as a value: after a quote,
 * `=`, `:` or `Bearer `, and up to a quote, a separator or the end (`The value 'x' is not valid.`,
 * `instanceId=x`, `"apiKey":"x"`). A secret inside a word, or a secret that is itself a word of the
 * prose, changes nothing: with the token `a`, `Invalid request: a path parameter` stays as it is.
 */
export function maskQuotedSecrets(message: string, secrets: readonly (string | undefined)[]): string {
  for (const secret of secrets) {
    if (!secret || !message.includes(secret)) continue;
    const quoted = new RegExp(`(?<=['"\`=:]|Bearer )${escape(secret)}(?=$|['"\`&,;)\\]}\\s])`, 'g');
    message = message === secret ? REDACTED : message.replace(quoted, REDACTED);
  }
  return message;
}
