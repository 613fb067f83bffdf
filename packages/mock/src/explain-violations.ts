import type { Operation } from './spec-document.js';

/** One entry of Prism's `sl-violations` response header. */
export interface Violation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

export function parseViolations(header: string | string[] | undefined): Violation[] {
  if (typeof header !== 'string') return [];
  try {
    const parsed = JSON.parse(header) as unknown;
    return Array.isArray(parsed) ? (parsed as Violation[]) : [];
  } catch {
    return [];
  }
}

const KINDS: Record<string, string> = { path: 'path parameter', query: 'query parameter', header: 'header' };

/**
 * Prism's request violations about parameters and headers, reworded to name the parameter as the
 * spec spells it (Prism lower-cases path and query parameter names). Body violations are left to
 * the body explainer, which knows which `oneOf` branch the body meant.
 */
export function describeParameterViolations(violations: Violation[], operation: Operation | undefined): { parameters: string[]; body: string[]; other: string[] } {
  // By parameter, in order; a GUID parameter fails both its pattern and its format: keep the format.
  const byParameter = new Map<string, { code: Violation['code']; text: string }>();
  const body: string[] = [];
  const other: string[] = [];
  const name = (lower: string): string => operation?.parameterNames.get(lower.toLowerCase()) ?? lower;

  for (const violation of violations) {
    if (violation.location[0] !== 'request' || violation.severity !== 'Error') continue;
    const [, section, parameter] = violation.location;
    const kind = section ? KINDS[section] : undefined;
    if (section === 'body' || /body/i.test(violation.message)) {
      body.push(violation.message);
    } else if (kind && parameter) {
      const key = `${section}/${parameter}`;
      if (byParameter.has(key) && violation.code !== 'format') continue;
      const reason = violation.message.replace(new RegExp(`^.*?${escape(parameter)}\\s*`, 'i'), '');
      byParameter.set(key, { code: violation.code, text: `${kind} ${name(parameter)} ${reason}` });
    } else if (kind) {
      const missing = /required property '([^']+)'/.exec(violation.message)?.[1];
      const text = missing ? `${kind} ${name(missing)} is required` : `${kind}: ${violation.message}`;
      byParameter.set(`${section}/${missing ?? text}`, { code: violation.code, text });
    } else {
      other.push(violation.message);
    }
  }
  return { parameters: [...byParameter.values()].map((entry) => entry.text), body, other };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every violation as one line, request and response alike (`request.path.pbxid: must …`). */
export function describeViolations(header: string | string[] | undefined): string[] {
  return [...new Set(parseViolations(header).map((violation) => `${violation.location.join('.')}: ${violation.message}`))];
}
