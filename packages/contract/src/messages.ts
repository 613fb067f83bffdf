import type { Operation, Parameter } from './operations.js';

/** A validator's finding about a request, as Prism (or any validator) reports it. */
export interface Finding {
  /** Where: `['path', 'pbxid']`, `['query', 'instanceId']`, `['header', 'accept-charges']`, `['body', …]`. */
  location: string[];
  code: string | number;
  message: string;
}

/** How many problems a message lists before "and N more". */
export const MESSAGE_LIMIT = 10;

const KINDS: Record<string, string> = { path: 'path parameter', query: 'query parameter', header: 'header' };

/**
 * Findings about parameters and headers, one phrase per parameter (`path parameter pbxId must match
 * format "uuid"`), named as the spec spells them, in the spec's order of parameters. Body findings
 * are left out: the body explainer words them along the `_type` variant.
 */
export function describeParameterFindings(operation: Operation, findings: Finding[]): string[] {
  const byParameter = new Map<Parameter | string, { code: Finding['code']; text: string }>();
  const lookup = (section: string, lower: string): Parameter | undefined =>
    operation.parameters.find((parameter) => parameter.in === section && parameter.name.toLowerCase() === lower.toLowerCase());

  for (const finding of findings) {
    const [section, name] = finding.location;
    const kind = section ? KINDS[section] : undefined;
    if (!kind) continue;
    const missing = name === undefined ? /required property '([^']+)'/.exec(finding.message)?.[1] : undefined;
    const parameter = lookup(section!, name ?? missing ?? '');
    const key = parameter ?? `${section}/${name ?? finding.message}`;
    // A GUID parameter fails both its pattern and its format: the format says more.
    if (byParameter.has(key) && finding.code !== 'format') continue;
    const spelled = parameter?.name ?? name ?? missing;
    let text: string;
    if (missing !== undefined) text = `${kind} ${spelled} is required`;
    else if (spelled !== undefined) text = `${kind} ${spelled} ${finding.message.replace(new RegExp(`^.*?${escape(name!)}\\s*`, 'i'), '')}`;
    else text = `${kind}: ${finding.message}`;
    byParameter.set(key, { code: finding.code, text });
  }
  const order = (key: Parameter | string): number => (typeof key === 'string' ? operation.parameters.length : operation.parameters.indexOf(key));
  return [...byParameter.entries()].sort(([a], [b]) => order(a) - order(b)).map(([, entry]) => entry.text);
}

/**
 * The `message` of a 400 envelope: every problem, parameters first, the first ten, then "and N more".
 * `Invalid request: body field licenseKey is required; body field colour is not allowed.`
 */
export function invalidRequestMessage(problems: string[]): string {
  const unique = [...new Set(problems)];
  if (unique.length === 0) return 'Invalid request.';
  const shown = unique.slice(0, MESSAGE_LIMIT);
  const rest = unique.length - shown.length;
  return `Invalid request: ${shown.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}.`;
}

export interface ErrorEnvelope {
  error: number;
  message: string;
  status: 'error';
  timestamp: string;
}

/** The API's error envelope. Its timestamps carry 7 fraction digits (.NET round-trip format). */
export function errorEnvelope(status: number, message: string, now = new Date()): ErrorEnvelope {
  return { error: status, message, status: 'error', timestamp: now.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z') };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
