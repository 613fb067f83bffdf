import type { RequestLogEntry } from './http-server.js';

/** One line per request: `POST /v1.0/…/pbxs → 400 (3 ms) Invalid request: …`, control characters escaped. */
export function formatRequest(entry: RequestLogEntry): string {
  const time = new Date().toISOString().slice(11, 19);
  let line = `${time} ${entry.method.padEnd(6)} ${entry.path} → ${entry.status === 0 ? 'no answer' : entry.status} (${entry.milliseconds} ms)`;
  if (entry.message) line += ` ${entry.message}`;
  if (entry.fault) line += ` engine fault: ${entry.fault}`;
  // Each part escaped on its own: only the newlines put here between a line and its violations stay.
  if (!entry.violations) return escapeControl(line);
  return [`${escapeControl(line)} breaks the contract:`, ...entry.violations.map((violation) => `    ${escapeControl(violation)}`)].join('\n');
}

/** A request target with its query values hidden (`instanceId` may be a 3CX licence key): `/v1.0/pbxs?instanceId=…`. */
export function maskQuery(target: string): string {
  const queryAt = target.indexOf('?');
  if (queryAt < 0) return target;
  const keys = [...new Set(new URLSearchParams(target.slice(queryAt + 1)).keys())];
  return `${target.slice(0, queryAt)}?${keys.map((key) => `${key}=…`).join('&')}`;
}

/**
 * Control characters (and the line separators of JSON and JavaScript) as escapes: a value sent to
 * the mock cannot forge a log line (a newline and four spaces look like a violation line) or move
 * the terminal's cursor.
 */
export function escapeControl(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) =>
    character === '\n' ? '\\n' : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export const SECRET_NAMES = 'apiKey|password|licenseKey|token|access_token|refresh_token|client_secret|secret';

/**
 * Secrets out of a line of Prism's debug log, which prints headers, URLs and bodies: the
 * `Authorization` value, query values, the values of `apiKey`, `password`, `licenseKey` (also as
 * the target of a JSON Patch operation) and bearer tokens anywhere.
 */
export function maskSecrets(text: string): string {
  return text
    .replace(/\b((?:proxy-)?authorization|cookie|x-api-key)(["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|[^\r\n,}]*)/gi, '$1$2…')
    .replace(/\bBearer\s+[^\s",}]+/gi, 'Bearer …')
    .replace(/([?&][^=&\s#"]+=)[^&\s#"]*/g, '$1…')
    .replace(new RegExp(`("(?:${SECRET_NAMES})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|[^,}\\]\\s]+)`, 'gi'), '$1"…"')
    .replace(new RegExp(`\\{[^{}]*"path"\\s*:\\s*"/(?:${SECRET_NAMES})"[^{}]*\\}`, 'gi'), (operation) =>
      operation.replace(/("value"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\]\s]+)/, '$1"…"'),
    );
}

/**
 * Standard output, written once per turn of the event loop instead of once per line: under load a
 * write per request costs more than the rest of the mock's work (stdout to a file or terminal is a
 * blocking write).
 */
export function batchedStdout(): { log: (line: string) => void; flush: () => void } {
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    process.stdout.write(text);
  };
  return {
    log: (line) => {
      if (pending.push(line) === 1) setImmediate(flush);
    },
    flush,
  };
}
