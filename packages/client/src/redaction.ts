// The API echoes secrets back in clear (apiKey, password, licenseKey), and the bearer token travels
// with every request. Nothing this package prints, serialises or puts in an error may contain them.

/** Fields whose values are secrets wherever they appear in a body. */
export const SECRET_FIELDS: readonly string[] = ['apiKey', 'password', 'licenseKey'];
export const REDACTED = '[redacted]';

// `util.inspect` (and so `console.log` in Node) calls this symbol; browsers ignore it.
export const INSPECT = Symbol.for('nodejs.util.inspect.custom');

export const isObject = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null;

/** A deep copy of `value` with every secret field replaced by `[redacted]`. */
export const redactValue = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(redactValue)
    : isObject(value)
      ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_FIELDS.includes(key) ? REDACTED : redactValue(item)]))
      : value;

/** `text` with every occurrence of each secret replaced by `[redacted]`. */
export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  for (const secret of secrets) if (secret) text = text.split(secret).join(REDACTED);
  return text;
}

/** The secret values a request body carries, so an echo of them can be scrubbed from messages. */
export const secretsOf = (body: any): string[] => SECRET_FIELDS.map((field) => body?.[field]).filter((value) => typeof value === 'string');

function redacted(this: unknown) {
  return redactValue(this);
}

/**
 * Makes `JSON.stringify` and `util.inspect` of `value` (and of the objects it contains) print
 * `[redacted]` for secrets, while code still reads the real values. Only objects that carry a secret
 * get the two non-enumerable hooks, so the common list and get items stay plain objects.
 */
export function hideSecrets<T>(value: T): T {
  if (isObject(value)) {
    for (const key in value) hideSecrets(value[key]);
    if (SECRET_FIELDS.some((field) => field in value)) {
      for (const hook of ['toJSON', INSPECT]) Object.defineProperty(value, hook, { value: redacted });
    }
  }
  return value;
}
