import { execFileSync } from 'node:child_process';
import type { ConformanceOptions } from './core/run.js';
import { pbxConnectionProfiles } from './resources/pbx-connection-profiles/resource.js';

export const USAGE = `Usage: pbx-conformance (--base-url <url> | --in-process) [options]

Checks an implementation of the PBX connection profiles API against the OpenAPI spec with
random, stateful request sequences (fast-check), and prints the smallest failing one as curl.

Target:
  --base-url <url>          the API with its path prefix, e.g. https://api.na.myreports.cloud/api
                            or a running mock, http://127.0.0.1:4010 (read-only by default)
  --in-process              the twin (@myreports/pbx-mock) started in this process; writes allowed
  --token-env <NAME>        read the bearer token from this environment variable
  --token-command <cmd>     run this shell command and use its output as the token
                            (a mock on this machine accepts any token; none is needed)
Writes (a create may cost money on the real API):
  --accept-charges          allow creates, patches and deletes
  --customer <account>/<customer>
                            the one customer (two tenant GUIDs) the run reads and, with
                            --accept-charges, writes; required with a base URL
  --max-creates <n>         profiles created at most (default 3, unlimited on a mock on this machine)
  --rps <n>                 requests per second at most (default 2, unlimited on this machine)
Run:
  --seed <n>                fast-check seed (default: random, printed)
  --path <path>             with --seed, replay the failing sequence a report printed
  --runs <n>                random sequences (default 100 here, 10 on a remote target)
  --max-commands <n>        requests per sequence at most (default 20)
  --keep-going              after a failure, go on to find every property the target breaks
Reports:
  --junit <file>            write JUnit XML
  --json <file>             write the report as JSON
  --quiet                   no progress lines
  --help                    this text

Exit status: 0 every property held, 1 one failed (the shrunk sequence is printed), 2 usage error,
130 interrupted (what the run created is deleted first).`;

export type ParsedCommand =
  | { command: 'help' }
  | { command: 'run'; options: ConformanceOptions; reports: { junit?: string; json?: string }; quiet: boolean };

/** A mistake on the command line: exit status 2. */
export class CommandLineError extends Error {
  override name = 'CommandLineError';
}

const FLAGS = new Set(['--in-process', '--accept-charges', '--keep-going', '--quiet', '--help', '-h']);
const VALUES = new Set([
  '--base-url',
  '--token-env',
  '--token-command',
  '--customer',
  '--max-creates',
  '--rps',
  '--seed',
  '--path',
  '--runs',
  '--max-commands',
  '--junit',
  '--json',
]);

/** Reads the command line; the token is read here (from the environment or the command), never from argv. */
export function parseConformanceCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): ParsedCommand {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (FLAGS.has(name)) {
      if (inline !== undefined) throw new CommandLineError(`${name} takes no value.`);
      flags.add(name);
    } else if (VALUES.has(name)) {
      const value = inline ?? argv[++index];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new CommandLineError(`${name} needs a value.`);
      values.set(name, value);
    } else {
      throw new CommandLineError(`Unknown option ${arg}. See pbx-conformance --help.`);
    }
  }
  if (flags.has('--help') || flags.has('-h')) return { command: 'help' };

  const number = (name: string): number | undefined => {
    const text = values.get(name);
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text)) throw new CommandLineError(`${name} takes a whole number (got "${text}").`);
    return Number(text);
  };
  let parent;
  const customer = values.get('--customer');
  if (customer !== undefined) {
    const parsed = pbxConnectionProfiles.parseParent(customer);
    if (typeof parsed === 'string') throw new CommandLineError(parsed);
    parent = parsed;
  }
  if (values.has('--path') && !values.has('--seed')) throw new CommandLineError('--path replays a failure only with the --seed it was printed with.');
  if (values.has('--token-env') && values.has('--token-command')) throw new CommandLineError('Name one token source: --token-env or --token-command.');

  const options: ConformanceOptions = {
    baseUrl: values.get('--base-url'),
    inProcess: flags.has('--in-process'),
    token: readToken(values, env),
    acceptCharges: flags.has('--accept-charges'),
    parent,
    maxCreates: number('--max-creates'),
    rps: number('--rps'),
    seed: number('--seed'),
    path: values.get('--path'),
    runs: number('--runs'),
    maxCommands: number('--max-commands'),
    keepGoing: flags.has('--keep-going'),
  };
  if (options.baseUrl !== undefined && options.inProcess) throw new CommandLineError('Name one target: --base-url or --in-process.');
  if (options.baseUrl === undefined && !options.inProcess) throw new CommandLineError('Name a target: --base-url <url> or --in-process. See --help.');
  const reports: { junit?: string; json?: string } = {};
  if (values.has('--junit')) reports.junit = values.get('--junit')!;
  if (values.has('--json')) reports.json = values.get('--json')!;
  return { command: 'run', options, reports, quiet: flags.has('--quiet') };
}

function readToken(values: Map<string, string>, env: NodeJS.ProcessEnv): string | undefined {
  const variable = values.get('--token-env');
  if (variable !== undefined) {
    const token = env[variable]?.trim();
    if (!token) throw new CommandLineError(`--token-env ${variable}: the environment variable is not set or empty.`);
    return token;
  }
  const command = values.get('--token-command');
  if (command !== undefined) {
    let output: string;
    try {
      output = execFileSync('/bin/sh', ['-c', command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    } catch (error) {
      // Its output may hold the token: only the status is told.
      const status = (error as { status?: number }).status;
      throw new CommandLineError(`--token-command failed${status === undefined ? '' : ` with exit status ${status}`}.`);
    }
    const token = output.trim();
    if (!token) throw new CommandLineError('--token-command printed no token.');
    return token;
  }
  return undefined;
}
