import { LOG_LEVELS, MockSetupError } from './options.js';
import { MAX_DELAY_MS } from './test-tool/faults.js';

/**
 * Every option of the mock and the proxy, once: its name in code, its flag, its environment
 * variable (`PBX_MOCK_` and the flag), its value and the help line. The command line's parser, its
 * `--help`, the variables, the mode conflicts, the options that cannot go together and the checks of
 * `startMock`/`startProxy` all come from this table (cli-options.ts, checkOptions below).
 */

/** How a value is read from text (a flag, a variable) and checked when code passes it. */
interface Kind<T> {
  /** For `--help`: `<n>`; absent for a switch. */
  arg?: string;
  fromText(text: string, source: string): T;
  check(value: unknown, source: string): T;
}

/** A timer longer than this fires at once (Node's setTimeout takes a signed 32-bit delay). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

const wholeNumber = (arg: string, min: number, max: number, what: string): Kind<number> => {
  const check = (value: unknown, source: string): number => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new MockSetupError(`${source} must be ${what}, not ${typeof value === 'string' ? JSON.stringify(value) : `"${String(value)}"`}.`);
    }
    return value;
  };
  return { arg, check, fromText: (text, source) => (/^\d+$/.test(text.trim()) ? check(Number(text), source) : check(text, source)) };
};

const text = (arg: string): Kind<string> => ({
  arg,
  fromText: (value) => value,
  check: (value, source) => {
    if (typeof value !== 'string') throw new MockSetupError(`${source} must be text, not ${typeof value}.`);
    return value;
  },
});

const httpUrl = (arg: string, part: (url: URL) => string): Kind<string> => {
  const check = (value: unknown, source: string): string => {
    let url: URL | undefined;
    try {
      url = new URL(String(value));
    } catch {
      url = undefined;
    }
    if (typeof value !== 'string' || !url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
      throw new MockSetupError(`${source} must be an http(s) URL such as https://api.na.myreports.cloud/api, not "${String(value)}".`);
    }
    return part(url);
  };
  return { arg, check, fromText: check };
};

/** `a.example,.b.example`; `all` or `true` (or `true` in code) answers every host. */
const HOST_LIST: Kind<true | string[]> = {
  arg: '<names>',
  fromText: (value, source) => (/^(all|true)$/i.test(value.trim()) ? true : HOST_LIST.check(value.split(','), source)),
  check: (value, source) => {
    if (value === true) return true;
    const names = Array.isArray(value) ? value.map((name) => (typeof name === 'string' ? name.trim().toLowerCase() : name)).filter((name) => name !== '') : undefined;
    const bad = names?.find((name) => typeof name !== 'string' || !/^\.?[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/.test(name));
    if (!names || bad !== undefined) {
      throw new MockSetupError(`${source} must be host names such as mock.example.com or .example.com (its subdomains too), or true for any host, not ${JSON.stringify(bad ?? value)}.`);
    }
    return names as string[];
  },
};

const SWITCH: Kind<boolean> = {
  fromText: (value, source) => {
    if (/^(true|1|yes)$/i.test(value)) return true;
    if (/^(false|0|no)$/i.test(value)) return false;
    throw new MockSetupError(`${source} must be true or false, not "${value}".`);
  },
  check: (value, source) => {
    if (typeof value !== 'boolean') throw new MockSetupError(`${source} must be true or false, not "${String(value)}".`);
    return value;
  },
};

const LOG_LEVEL: Kind<(typeof LOG_LEVELS)[number]> = {
  arg: '<l>',
  fromText: (value, source) => LOG_LEVEL.check(value, source),
  check: (value, source) => {
    if (!(LOG_LEVELS as readonly unknown[]).includes(value)) throw new MockSetupError(`${source} must be one of ${LOG_LEVELS.join(', ')}, not "${String(value)}".`);
    return value as (typeof LOG_LEVELS)[number];
  },
};

/** A share of requests, from 0 to 1: `0.1` is one in ten. */
const RATE: Kind<number> = {
  arg: '<0..1>',
  fromText: (value, source) => RATE.check(/^\s*(0|1|0?\.\d+|1\.0*)\s*$/.test(value) ? Number(value) : value, source),
  check: (value, source) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      throw new MockSetupError(`${source} must be a number from 0 to 1 (0.1 is one request in ten), not ${JSON.stringify(value)}.`);
    }
    return value;
  },
};

/** A range of milliseconds, `50-200`, or one value, `100`; in code `{ min, max }`. */
const LATENCY: Kind<{ min: number; max: number }> = {
  arg: '<min>-<max>',
  fromText: (value, source) => {
    const match = /^\s*(\d{1,8})(?:\s*-\s*(\d{1,8}))?\s*$/.exec(value);
    return LATENCY.check(match ? { min: Number(match[1]), max: Number(match[2] ?? match[1]) } : value, source);
  },
  check: (value, source) => {
    const range = value as { min?: unknown; max?: unknown };
    const ok = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_DELAY_MS;
    if (typeof value !== 'object' || value === null || !ok(range.min) || !ok(range.max) || range.min > range.max) {
      throw new MockSetupError(
        `${source} must be a range of milliseconds from 0 to ${MAX_DELAY_MS}, such as 50-200 (or { min: 50, max: 200 } in code), not ${JSON.stringify(value)}.`,
      );
    }
    return { min: range.min, max: range.max };
  },
};

const PORT = wholeNumber('<n>', 0, 65535, 'a port number from 0 to 65535 (0 picks a free port)');
const COUNT = wholeNumber('<n>', 1, Number.MAX_SAFE_INTEGER, 'a whole number above 0');

export type Mode = 'mock' | 'proxy';

export interface OptionSpec {
  /** The name in code: `startMock({ bodyLimit })`. */
  key: string;
  /** The flag without its dashes; absent for an option only code can give. */
  flag?: string;
  kind: Kind<unknown>;
  modes: readonly Mode[];
  /** The `--help` line; proxy-only options start with "proxy:". */
  help?: string;
  /** Static replay (`static`, `dynamic`): the twin does not run, so its options are refused beside it. */
  replay?: true;
  /** An option of the twin: refused beside a `replay` one. */
  twin?: true;
  /** An option it cannot go with, and the message saying so. */
  excludes?: { key: string; message: string };
}

const BOTH: readonly Mode[] = ['mock', 'proxy'];
const MOCK: readonly Mode[] = ['mock'];

export const OPTIONS: readonly OptionSpec[] = [
  { key: 'port', flag: 'port', kind: PORT, modes: BOTH, help: 'port to listen on, 0 = any free port; default 4010' },
  { key: 'host', flag: 'host', kind: text('<address>'), modes: BOTH, help: 'interface to bind; default 127.0.0.1' },
  {
    key: 'logLevel',
    flag: 'log-level',
    kind: LOG_LEVEL,
    modes: BOTH,
    help: "silent; error (5xx and faults); warn (and refused requests, contract violations); info (one line per request); debug (and Prism's detail, secrets masked); default info",
  },
  { key: 'static', flag: 'static', kind: SWITCH, modes: MOCK, replay: true, help: "answer from the spec's examples and keep nothing, instead of the twin that keeps what you create" },
  {
    key: 'empty',
    flag: 'empty',
    kind: SWITCH,
    modes: MOCK,
    help: "the twin starts with no profile (default: the profiles of the spec's examples)",
    twin: true,
    excludes: { key: 'seedFile', message: 'Choose either an empty start or a seed file, not both.' },
  },
  { key: 'seedFile', flag: 'seed-file', kind: text('<f>'), modes: MOCK, twin: true, help: "the twin starts from this JSON file's profiles" },
  { key: 'stateFile', flag: 'state-file', kind: text('<f>'), modes: MOCK, twin: true, help: 'the twin keeps its profiles in this file across restarts' },
  { key: 'maxProfiles', flag: 'max-profiles', kind: COUNT, modes: MOCK, twin: true, help: 'most profiles the twin holds; default 10000' },
  { key: 'dynamic', flag: 'dynamic', kind: SWITCH, modes: MOCK, replay: true, help: 'static replay with fake answers from the schemas' },
  { key: 'seed', flag: 'seed', kind: text('<text>'), modes: MOCK, help: 'make dynamic answers and the faults below repeatable' },
  { key: 'latency', flag: 'latency', kind: LATENCY, modes: MOCK, help: 'every answer of the API waits this many milliseconds, drawn from the range (per request: Prefer: delay=300)' },
  {
    key: 'errorRate',
    flag: 'error-rate',
    kind: RATE,
    modes: MOCK,
    help: 'this share of API requests gets a retryable 503 or 429 with Retry-After, unprocessed (per request: Prefer: fault=503)',
  },
  {
    key: 'journalSize',
    flag: 'journal-size',
    kind: wholeNumber('<n>', 0, 100_000, 'a whole number from 0 to 100000'),
    modes: MOCK,
    help: 'the request journal (GET /__mock/requests) keeps this many exchanges, 0 = none; default 1000',
  },
  {
    key: 'maxSessions',
    flag: 'max-sessions',
    kind: wholeNumber('<n>', 1, 1000, 'a whole number from 1 to 1000'),
    modes: MOCK,
    twin: true,
    help: 'most isolated sessions (header x-mock-session: <name>), each with its own twin of at most 8 MiB; default 32',
  },
  { key: 'resetRate', flag: 'reset-rate', kind: RATE, modes: MOCK, help: 'this share of API requests has its connection closed with no answer (per request: Prefer: fault=reset)' },
  { key: 'strict', flag: 'strict', kind: SWITCH, modes: MOCK, help: 'validate every answer too; a violation answers 500' },
  { key: 'publicUrl', flag: 'public-url', kind: httpUrl('<u>', (url) => url.href.replace(/\/$/, '')), modes: MOCK, help: 'base of Location headers; default the listen address' },
  { key: 'bodyLimit', flag: 'body-limit', kind: COUNT, modes: BOTH, help: 'largest request body in bytes; default 1048576' },
  {
    key: 'allowedHosts',
    flag: 'allowed-hosts',
    kind: HOST_LIST,
    modes: BOTH,
    help: 'also answer these Host names (comma-separated; .example.com: its subdomains too; all: any host); default IP addresses, localhost and the public URL',
  },
  { key: 'cors', flag: 'cors', kind: httpUrl('<origin>', (url) => url.origin), modes: BOTH, help: 'also allow this web origin (pages of this machine, localhost, 127.0.0.1 and [::1] on any port, always are)' },
  {
    key: 'upstreamTimeoutMs',
    flag: 'upstream-timeout',
    kind: wholeNumber('<ms>', 1, LONGEST_TIMER_MS, `a whole number of milliseconds from 1 to ${LONGEST_TIMER_MS}`),
    modes: ['proxy'],
    help: 'proxy: 504 after this long; default 30000',
  },
  { key: 'upstream', kind: httpUrl('<url>', (url) => url.href), modes: ['proxy'] },
  { key: 'maxPatchOperations', kind: COUNT, modes: MOCK },
];

/** `PBX_MOCK_` and the flag: `--log-level` is `PBX_MOCK_LOG_LEVEL`. */
export function variableOf(flag: string): string {
  return `PBX_MOCK_${flag.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * The options code passed to `startMock` or `startProxy`, checked as the command line checks them
 * (a negative `bodyLimit` is refused here too) and normalised the same way (`cors` to an origin),
 * then against each other: the twin's options beside static replay, the pairs a row `excludes`.
 * The command line comes here too (through startMock), so both get the same refusals.
 * Options of the other mode are left alone: their types keep them out.
 */
export function checkOptions<T extends object>(options: T, mode: Mode): T {
  const checked: Record<string, unknown> = { ...(options as Record<string, unknown>) };
  const rows = OPTIONS.filter((option) => option.modes.includes(mode));
  for (const option of rows) {
    const value = checked[option.key];
    if (value !== undefined) checked[option.key] = option.kind.check(value, option.key);
  }
  // A switch set to false counts as not given.
  const given = (key: string): boolean => checked[key] !== undefined && checked[key] !== false;
  const replay = rows.find((option) => option.replay && given(option.key));
  const twin = rows.filter((option) => option.twin && given(option.key)).map((option) => option.key);
  if (replay && twin.length > 0) throw new MockSetupError(`${twin.join(', ')} apply to the twin, not to static replay (${replay.key}).`);
  const excluded = rows.find((option) => option.excludes && given(option.key) && given(option.excludes.key));
  if (excluded) throw new MockSetupError(excluded.excludes!.message);
  return checked as T;
}
