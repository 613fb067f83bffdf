// The arguments the commands share (`--base <git ref>`, `--help`), read the same way by each:
// the options, or the exit code when there is nothing to compare (0 after --help, 2 on a mistake).
import { parseArgs } from 'node:util';

export function parseBaseArgs<Flag extends string>(usage: string, flags: readonly Flag[] = [], baseRequired = true): { base: string } & Record<Flag, boolean> | number {
  let options;
  try {
    const booleans = Object.fromEntries([...flags, 'help'].map((flag) => [flag, { type: 'boolean', default: false } as const]));
    options = parseArgs({ options: { base: { type: 'string' }, ...booleans }, strict: true }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (options.help) {
    console.log(usage);
    return 0;
  }
  if (baseRequired && (typeof options.base !== 'string' || !options.base)) {
    console.error(`Missing --base <git ref>: the ref to compare the working tree with (e.g. origin/main).\n\n${usage}`);
    return 2;
  }
  return options as { base: string } & Record<Flag, boolean>;
}
