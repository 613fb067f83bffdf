import { parseArgs } from 'node:util';
import { type MockOptions, MockSetupError, parseCount, parseHttpUrl, parseLogLevel, parsePort } from './options.js';

export const USAGE = `Usage:
  pbx-mock [options]                  serve the spec on a local mock
  pbx-mock proxy <upstream> [options] validate traffic to a real server, e.g. https://api.na.myreports.cloud/api

Options (environment variable in brackets):
  --port <n>        port to listen on, 0 = any free port; default 4010   [PBX_MOCK_PORT]
  --host <address>  interface to bind; default 127.0.0.1                [PBX_MOCK_HOST]
  --log-level <l>   silent; error (5xx and faults); warn (and refused
                    requests, contract violations); info (one line per
                    request); debug (and Prism's detail, secrets masked);
                    default info                                         [PBX_MOCK_LOG_LEVEL]
  --static          answer from the spec's examples and keep nothing,
                    instead of the twin that keeps what you create      [PBX_MOCK_STATIC=true]
  --empty           the twin starts with no profile (default: the
                    profiles of the spec's examples)                     [PBX_MOCK_EMPTY=true]
  --seed-file <f>   the twin starts from this JSON file's profiles       [PBX_MOCK_SEED_FILE]
  --state-file <f>  the twin keeps its profiles in this file across
                    restarts                                             [PBX_MOCK_STATE_FILE]
  --max-profiles <n> most profiles the twin holds; default 10000         [PBX_MOCK_MAX_PROFILES]
  --dynamic         static replay with fake answers from the schemas     [PBX_MOCK_DYNAMIC=true]
  --seed <text>     make dynamic answers repeatable                      [PBX_MOCK_SEED]
  --strict          validate every answer too; a violation answers 500   [PBX_MOCK_STRICT=true]
  --public-url <u>  base of Location headers; default the listen address [PBX_MOCK_PUBLIC_URL]
  --body-limit <n>  largest request body in bytes; default 1048576       [PBX_MOCK_BODY_LIMIT]
  --cors <origin>   allow this web origin; default no CORS headers       [PBX_MOCK_CORS]
  --upstream-timeout <ms>  proxy: 504 after this long; default 30000     [PBX_MOCK_UPSTREAM_TIMEOUT]
  --help            print this help`;

export interface ParsedCommand {
  command: 'mock' | 'proxy' | 'help';
  upstream?: string;
  options: MockOptions & { upstreamTimeoutMs?: number };
}

/** Flags win over environment variables; unknown flags and bad values get a message naming them. */
export function parseMockCommand(args: string[], env: NodeJS.ProcessEnv = process.env): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'log-level': { type: 'string' },
        dynamic: { type: 'boolean' },
        seed: { type: 'string' },
        static: { type: 'boolean' },
        empty: { type: 'boolean' },
        'seed-file': { type: 'string' },
        'state-file': { type: 'string' },
        'max-profiles': { type: 'string' },
        strict: { type: 'boolean' },
        'public-url': { type: 'string' },
        'body-limit': { type: 'string' },
        cors: { type: 'string' },
        'upstream-timeout': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    // Node's messages name the option ("Unknown option '--prot'"); add what is known.
    throw new MockSetupError(`${(error as Error).message.split('. ')[0]}.\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', options: {} };

  const [first, ...rest] = positionals;
  const command = first === 'proxy' ? 'proxy' : 'mock';
  if (first !== undefined && first !== 'proxy') throw new MockSetupError(`Unknown command "${first}".\n\n${USAGE}`);
  if (command === 'proxy' && rest.length !== 1) throw new MockSetupError(`proxy needs exactly one upstream URL.\n\n${USAGE}`);
  if (command === 'mock' && rest.length > 0) throw new MockSetupError(`Unexpected argument "${rest[0]}".\n\n${USAGE}`);

  const options: ParsedCommand['options'] = {};
  const source = (flag: keyof typeof values, variable: string) => (values[flag] === undefined ? variable : `--${flag}`);
  const port = values.port ?? env.PBX_MOCK_PORT;
  if (port !== undefined) options.port = parsePort(port, values.port === undefined ? 'PBX_MOCK_PORT' : '--port');
  const host = values.host ?? env.PBX_MOCK_HOST;
  if (host !== undefined) options.host = host;
  const level = values['log-level'] ?? env.PBX_MOCK_LOG_LEVEL;
  if (level !== undefined) options.logLevel = parseLogLevel(level, values['log-level'] === undefined ? 'PBX_MOCK_LOG_LEVEL' : '--log-level');
  const dynamic = values.dynamic ?? parseBoolean(env.PBX_MOCK_DYNAMIC, 'PBX_MOCK_DYNAMIC');
  if (dynamic !== undefined) options.dynamic = dynamic;
  const seed = values.seed ?? env.PBX_MOCK_SEED;
  if (seed !== undefined) options.seed = seed;
  const strict = values.strict ?? parseBoolean(env.PBX_MOCK_STRICT, 'PBX_MOCK_STRICT');
  if (strict !== undefined) options.strict = strict;
  const publicUrl = values['public-url'] ?? env.PBX_MOCK_PUBLIC_URL;
  if (publicUrl) options.publicUrl = parseHttpUrl(publicUrl, source('public-url', 'PBX_MOCK_PUBLIC_URL')).href.replace(/\/$/, '');
  const bodyLimit = values['body-limit'] ?? env.PBX_MOCK_BODY_LIMIT;
  if (bodyLimit) options.bodyLimit = parseCount(bodyLimit, source('body-limit', 'PBX_MOCK_BODY_LIMIT'));
  const cors = values.cors ?? env.PBX_MOCK_CORS;
  if (cors) options.cors = parseHttpUrl(cors, source('cors', 'PBX_MOCK_CORS')).origin;
  const timeout = values['upstream-timeout'] ?? env.PBX_MOCK_UPSTREAM_TIMEOUT;
  if (timeout) options.upstreamTimeoutMs = parseCount(timeout, source('upstream-timeout', 'PBX_MOCK_UPSTREAM_TIMEOUT'));
  if (command === 'proxy' && (options.dynamic || options.seed !== undefined || options.strict || options.publicUrl)) {
    throw new MockSetupError('--dynamic and --seed apply to the mock, not to proxy mode (so do --strict and --public-url).');
  }
  if (command === 'mock' && options.upstreamTimeoutMs !== undefined) throw new MockSetupError('--upstream-timeout applies to proxy mode.');
  const isStatic = values.static ?? parseBoolean(env.PBX_MOCK_STATIC, 'PBX_MOCK_STATIC');
  if (isStatic !== undefined) options.static = isStatic;
  const empty = values.empty ?? parseBoolean(env.PBX_MOCK_EMPTY, 'PBX_MOCK_EMPTY');
  if (empty !== undefined) options.empty = empty;
  const seedFile = values['seed-file'] ?? nonEmpty(env.PBX_MOCK_SEED_FILE);
  if (seedFile !== undefined) options.seedFile = seedFile;
  const stateFile = values['state-file'] ?? nonEmpty(env.PBX_MOCK_STATE_FILE);
  if (stateFile !== undefined) options.stateFile = stateFile;
  const maxProfiles = values['max-profiles'] ?? nonEmpty(env.PBX_MOCK_MAX_PROFILES);
  if (maxProfiles !== undefined) {
    options.maxProfiles = parseCount(maxProfiles, values['max-profiles'] === undefined ? 'PBX_MOCK_MAX_PROFILES' : '--max-profiles');
  }
  const twinFlags = (['static', 'empty', 'seedFile', 'stateFile', 'maxProfiles'] as const).filter((name) => options[name] !== undefined);
  if (command === 'proxy' && twinFlags.length > 0) {
    throw new MockSetupError('--static, --empty, --seed-file, --state-file and --max-profiles apply to the mock, not to proxy mode.');
  }
  return command === 'proxy' ? { command, upstream: rest[0]!, options } : { command, options };
}

function parseBoolean(value: string | undefined, source: string): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new MockSetupError(`${source} must be true or false, not "${value}".`);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
