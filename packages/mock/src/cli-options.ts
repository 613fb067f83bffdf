import { parseArgs } from 'node:util';
import { type Mode, OPTIONS, type OptionSpec, variableOf } from './option-table.js';
import { type MockOptions, MockSetupError } from './options.js';

const COMMANDS = `Usage:
  pbx-mock [options]                  serve the spec on a local mock
  pbx-mock proxy <upstream> [options] validate traffic to a real server, e.g. https://api.na.myreports.cloud/api`;

const FLAGS = OPTIONS.filter((option): option is OptionSpec & { flag: string; help: string } => option.flag !== undefined && option.help !== undefined);

/** `--help`, from the option table: each flag, its help wrapped, its variable in brackets. */
export const USAGE = [
  COMMANDS,
  '',
  'Options (environment variable in brackets):',
  ...FLAGS.flatMap((option) => {
    const lines = wrap(option.help, 52);
    const variable = `[${variableOf(option.flag)}${option.kind.arg ? '' : '=true'}]`;
    const head = `  --${option.flag}${option.kind.arg ? ` ${option.kind.arg}` : ''}`;
    return lines.map((line, index) => {
      const left = index > 0 ? ' '.repeat(20) : head.length < 20 ? head.padEnd(20) : `${head} `;
      return index === lines.length - 1 ? `${left}${line}`.padEnd(72) + ` ${variable}` : `${left}${line}`;
    });
  }),
  '  --help            print this help',
].join('\n');

export interface ParsedCommand {
  command: Mode | 'help';
  upstream?: string;
  options: MockOptions & { upstreamTimeoutMs?: number };
}

/** Flags win over environment variables (an empty one counts as unset); unknown flags and bad values get a message naming them. */
export function parseMockCommand(args: string[], env: NodeJS.ProcessEnv = process.env): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries([
        ...FLAGS.map((option) => [option.flag, { type: option.kind.arg ? ('string' as const) : ('boolean' as const) }]),
        ['help', { type: 'boolean' as const }],
      ]),
    });
  } catch (error) {
    // Node's messages name the option ("Unknown option '--prot'"); add what is known.
    throw new MockSetupError(`${(error as Error).message.split('. ')[0]}.\n\n${USAGE}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const { positionals } = parsed;
  if (values.help) return { command: 'help', options: {} };

  const [first, ...rest] = positionals;
  const command = first === 'proxy' ? 'proxy' : 'mock';
  if (first !== undefined && first !== 'proxy') throw new MockSetupError(`Unknown command "${first}".\n\n${USAGE}`);
  if (command === 'proxy' && rest.length !== 1) throw new MockSetupError(`proxy needs exactly one upstream URL.\n\n${USAGE}`);
  if (command === 'mock' && rest.length > 0) throw new MockSetupError(`Unexpected argument "${rest[0]}".\n\n${USAGE}`);

  const options: Record<string, unknown> = {};
  const misplaced: string[] = [];
  for (const option of FLAGS) {
    const flag = values[option.flag];
    const variable = env[variableOf(option.flag)] || undefined;
    if (flag === undefined && variable === undefined) continue;
    const value = flag === true ? true : option.kind.fromText(String(flag ?? variable), flag === undefined ? variableOf(option.flag) : `--${option.flag}`);
    if (value === false) continue;
    if (option.modes.includes(command)) options[option.key] = value;
    else misplaced.push(`--${option.flag}`);
  }
  if (misplaced.length > 0) {
    const list = misplaced.length === 1 ? misplaced[0] : `${misplaced.slice(0, -1).join(', ')} and ${misplaced.at(-1)}`;
    throw new MockSetupError(`${list} appl${misplaced.length === 1 ? 'ies' : 'y'} to ${command === 'proxy' ? 'the mock, not to proxy mode' : 'proxy mode'}.`);
  }
  return command === 'proxy' ? { command, upstream: rest[0]!, options } : { command, options };
}

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
