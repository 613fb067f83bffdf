import type { Redactor } from './redact.js';
import type { Exchange } from './session.js';

/** The environment variable the printed curl commands read the token from. */
export const TOKEN_VARIABLE = 'PBX_TOKEN';

/**
 * A curl command that sends the same request again, secrets masked: the token as
 * `$PBX_TOKEN`, secret fields and every known secret value as `<redacted>` (put your own back to
 * replay a create).
 */
export function toCurl(exchange: Exchange, redactor: Redactor): string {
  const parts = [`curl -sS -i -X ${exchange.method} ${quote(redactor.text(exchange.url))}`];
  for (const [name, value] of Object.entries(exchange.headers)) {
    if (name.toLowerCase() === 'authorization') parts.push(`-H "Authorization: Bearer \$${TOKEN_VARIABLE}"`);
    else parts.push(`-H ${quote(`${name}: ${redactor.text(value)}`)}`);
  }
  if (exchange.body !== undefined) {
    const body = exchange.raw ? String(exchange.body) : JSON.stringify(redactor.value(exchange.body));
    parts.push(`--data-raw ${quote(redactor.text(body))}`);
  }
  return parts.join(' ');
}

/** Single-quoted for a POSIX shell. */
function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
