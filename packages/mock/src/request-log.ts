import type { RequestLogEntry } from './front-server.js';

/** One line per request: `POST /v1.0/…/pbxs → 400 (3 ms) Invalid request: …`. */
export function formatRequest(entry: RequestLogEntry): string {
  const time = new Date().toISOString().slice(11, 19);
  const line = `${time} ${entry.method.padEnd(6)} ${entry.path} → ${entry.status} (${entry.milliseconds} ms)`;
  const withMessage = entry.message ? `${line} ${entry.message}` : line;
  return entry.violations ? [`${withMessage} breaks the contract:`, ...entry.violations.map((text) => `    ${text}`)].join('\n') : withMessage;
}
