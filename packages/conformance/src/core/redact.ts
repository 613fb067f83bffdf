const MASK = '<redacted>';

/**
 * Masks secrets in everything the runner prints or writes: the token, and every value it has seen
 * in a secret field (sent or received), wherever it shows up (a curl body, a query string, a
 * message). Values are learnt as the run goes, so a secret is masked even where it is not under
 * its field name.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(private readonly secretFields: ReadonlySet<string>) {}

  /** Remembers a secret value (the token, a password). Values under 3 characters would mask noise. */
  add(value: string | undefined): void {
    if (value !== undefined && value.length >= 3) this.secrets.add(value);
  }

  /** Remembers every secret field's value anywhere in a JSON value. */
  learn(value: unknown): void {
    if (Array.isArray(value)) value.forEach((item) => this.learn(item));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (this.secretFields.has(key) && typeof child === 'string') this.add(child);
        else this.learn(child);
      }
    }
  }

  /** A copy of a JSON value with secret fields masked. */
  value<T>(value: T): T {
    if (Array.isArray(value)) return value.map((item) => this.value(item) as unknown) as T;
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, this.secretFields.has(key) && child !== undefined ? MASK : this.value(child)]),
    ) as T;
  }

  /** The text with every known secret replaced, longest first (one secret may contain another). */
  text(text: string): string {
    let out = text;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join(MASK);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) out = out.split(encoded).join(MASK);
    }
    return out;
  }
}
