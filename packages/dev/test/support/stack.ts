import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { watchOutput } from '@myreports/pbx-fixtures';

const START = fileURLToPath(new URL('../../dist/start.js', import.meta.url));

/** Starts the main command's stack on a free port; `output()` is everything it printed so far, `ready` its banner. */
export function startStackProcess(args: string[] = ['--port', '0']) {
  const child = spawn(process.execPath, [START, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = watchOutput(child);
  return { child, output: output.text, ready: output.until('Ctrl-C stops everything.') };
}

/** The mock's URL as the banner prints it. */
export function mockUrlOf(output: string): string {
  const url = /Mock API\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
  if (url === undefined) throw new Error(`No mock URL in the banner:\n${output}`);
  return url;
}
