import type { RequestLogEntry } from './front-server.js';

/** One line per request: `POST /v1.0/…/pbxs → 400 (3 ms) Invalid request: …`. */
export function formatRequest(entry: RequestLogEntry): string {
  const time = new Date().toISOString().slice(11, 19);
  const line = `${time} ${entry.method.padEnd(6)} ${entry.path} → ${entry.status} (${entry.milliseconds} ms)`;
  const withMessage = entry.message ? `${line} ${entry.message}` : line;
  return entry.violations ? [`${withMessage} breaks the contract:`, ...entry.violations.map((text) => `    ${text}`)].join('\n') : withMessage;
}

/**
 * Standard output, written once per turn of the event loop instead of once per line: under load a
 * write per request costs more than the rest of the front's work (stdout to a file or terminal is a
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
