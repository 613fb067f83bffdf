// The API echoes secrets back in clear (apiKey, password, licenseKey) and the bearer token travels
// with every request. The client returns the data as the API sent it; what it writes itself
// (messages, its log lines) is built from parts it controls, so no secret can get in. The only
// foreign text in an error is the API's envelope (`message`, `timestamp`), which may echo any value
// of the request, and the cause of a failure (a runtime's or a custom fetch's error, which may quote
// the URL, hence an instance id, or a header): every secret the request carried is masked there.

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

/** The secret values of a create body, and of patch operations on a secret field (`/apiKey`, …). */
export const secretsOf = (body: unknown): unknown[] =>
  Array.isArray(body) ? body.filter((operation) => SECRET_FIELDS.has(operation?.path?.slice(1))).map((operation) => operation.value) : isObject(body) ? [...SECRET_FIELDS].map((field) => body[field]) : [];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` with every secret masked, quoted or not, as sent and as JSON or a URL would escape it. A
 * secret is never masked inside a longer word: with the token `a`, `parameter` stays as it is,
 * while the word `a` itself is masked (it is the secret). Letters, digits, `_` and `-` make words.
 */
export function maskSecrets(text: string, secrets: readonly unknown[]): string {
  // The longest first, so that a secret inside another (`abc` in `abc.def`) leaves nothing of it.
  for (const secret of (secrets.filter((secret) => typeof secret === 'string' && secret) as string[]).sort((a, b) => b.length - a.length)) {
    for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) {
      const word = (char: string, side: string) => (/[\p{L}\p{N}_-]/u.test(char) ? `(?${side}[\\p{L}\\p{N}_-])` : '');
      text = text.replace(new RegExp(word(form[0]!, '<!') + escape(form) + word(form.at(-1)!, '!'), 'gu'), REDACTED);
    }
  }
  return text;
}

const ERROR_TEXTS = ['name', 'message', 'stack', 'cause'];

/**
 * `cause` as an error may keep it: itself when none of its texts holds a secret, else a copy of the
 * same class whose texts (name, message, stack, text fields, its own cause) are masked, so that
 * `instanceof`, `code` and the message still tell what happened. Fields that are objects (a URL, a
 * request) are left out of the copy.
 */
export function maskCause(cause: unknown, secrets: readonly unknown[]): unknown {
  let changed = false;
  const copy = (value: any, depth: number): any => {
    if (typeof value === 'string') {
      const masked = maskSecrets(value, secrets);
      changed ||= masked !== value;
      return masked;
    }
    if (!isObject(value)) return value;
    // Deeper than any runtime's chain of causes, or a cycle: cut there.
    if (depth > 9) return void (changed = true);
    const out = Object.create(Object.getPrototypeOf(value));
    for (const key of [...ERROR_TEXTS, ...Object.keys(value)]) {
      const item = value[key];
      if (isObject(item) && key !== 'cause') changed = true;
      // Own data properties, which shadow the class's accessors (a DOMException's message).
      else if (item !== undefined) Object.defineProperty(out, key, { value: copy(item, depth + 1), enumerable: !ERROR_TEXTS.includes(key) });
    }
    return out;
  };
  const masked = copy(cause, 0);
  return changed ? masked : cause;
}
