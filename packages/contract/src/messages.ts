import type { Operation, Parameter } from './operations.js';

/**
 * A validator's finding about a request, as data: where, the JSON Schema keyword that failed and its
 * parameters, as Ajv names them. Never a validator's English: the API words its own messages.
 */
export interface Finding {
  /** Where: `['path', 'pbxid']`, `['header', 'accept-charges']`, `['query']` for a missing one, `['body', …]`. */
  location: string[];
  /** `required`, `format`, `pattern`, `type`, `enum`, `const`, `minLength`, `maxLength`, … */
  keyword: string;
  /** Ajv's params of the keyword: `{ missingProperty }`, `{ format }`, `{ pattern }`, `{ type }`, `{ allowedValues }`, `{ limit }`. */
  params: Record<string, unknown>;
}

/** How many problems a message lists before "and N more". */
const MESSAGE_LIMIT = 10;

const KINDS: Record<string, string> = { path: 'path parameter', query: 'query parameter', header: 'header' };

/**
 * Findings about parameters and headers, one phrase per parameter (`path parameter pbxId must match
 * format "uuid"`), named as the spec spells them, in the spec's order of parameters. Body findings
 * are left out: the body explainer words them along the `_type` variant.
 */
export function describeParameterFindings(operation: Operation, findings: Finding[]): string[] {
  const byParameter = new Map<Parameter | string, string>();
  const lookup = (section: string, lower: string): Parameter | undefined =>
    operation.parameters.find((parameter) => parameter.in === section && parameter.name.toLowerCase() === lower.toLowerCase());

  for (const finding of findings) {
    const [section, name] = finding.location;
    const kind = section ? KINDS[section] : undefined;
    if (!kind) continue;
    // A missing parameter is a finding about its section (`query`), naming the parameter in its params.
    const missing = name === undefined && finding.keyword === 'required' ? String(finding.params.missingProperty) : undefined;
    const named = name ?? missing;
    const parameter = lookup(section!, named ?? '');
    const key = parameter ?? `${section}/${named ?? finding.keyword}`;
    // A GUID parameter fails both its pattern and its format: the format says more.
    if (byParameter.has(key) && finding.keyword !== 'format') continue;
    const spelled = parameter?.name ?? named;
    const text = spelled === undefined ? `${kind}: ${parameterReason(finding)}` : `${kind} ${spelled} ${parameterReason(finding)}`;
    byParameter.set(key, text);
  }
  const order = (key: Parameter | string): number => (typeof key === 'string' ? operation.parameters.length : operation.parameters.indexOf(key));
  return [...byParameter.entries()].sort(([a], [b]) => order(a) - order(b)).map(([, text]) => text);
}

/** Why a parameter is wrong, in the words of the API's 400 messages (those of JSON Schema validators). */
function parameterReason({ keyword, params }: Finding): string {
  switch (keyword) {
    case 'required':
      return 'is required';
    case 'format':
      return `must match format "${String(params.format)}"`;
    case 'pattern':
      return `must match pattern "${String(params.pattern)}"`;
    case 'type':
      return `must be ${String(params.type)}`;
    case 'enum':
      return `must be equal to one of the allowed values: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return 'must be equal to constant';
    case 'minLength':
      return `must NOT have fewer than ${String(params.limit)} characters`;
    case 'maxLength':
      return `must NOT have more than ${String(params.limit)} characters`;
    default:
      return `is invalid (${keyword})`;
  }
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
