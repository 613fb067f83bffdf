import { parseArgs } from 'node:util';
import { type MockOptions, MockSetupError, parseLogLevel, parsePort } from './options.js';

export const USAGE = `Usage:
  pbx-mock [options]                  serve the spec on a local mock
  pbx-mock proxy <upstream> [options] validate traffic to a real server, e.g. https://api.na.myreports.cloud/api

Options (environment variable in brackets):
  --port <n>        port to listen on, 0 = any free port; default 4010   [PBX_MOCK_PORT]
  --host <address>  interface to bind; default 127.0.0.1                [PBX_MOCK_HOST]
  --log-level <l>   silent; error (5xx only); warn (and rejected requests);
                    info (one line per request); debug (and Prism's own
                    log, bodies included); default info                  [PBX_MOCK_LOG_LEVEL]
  --dynamic         fake answers from the schemas instead of examples    [PBX_MOCK_DYNAMIC=true]
  --seed <text>     make dynamic answers repeatable                      [PBX_MOCK_SEED]
  --help            print this help`;

export interface ParsedCommand {
  command: 'mock' | 'proxy' | 'help';
  upstream?: string;
  options: MockOptions;
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

  const options: MockOptions = {};
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
  if (command === 'proxy' && (options.dynamic || options.seed !== undefined)) {
    throw new MockSetupError('--dynamic and --seed apply to the mock, not to proxy mode.');
  }
  return command === 'proxy' ? { command, upstream: rest[0]!, options } : { command, options };
}

function parseBoolean(value: string | undefined, source: string): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new MockSetupError(`${source} must be true or false, not "${value}".`);
}
