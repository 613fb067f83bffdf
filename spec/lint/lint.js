// `npm run lint`: Redocly's lint of the spec, then of its Arazzo workflows (each with its own config:
// the house rules are for the OpenAPI document), printed without the closing advice to run
// `--generate-ignore-file`. The house rules are the style guide: a problem they report is to be
// fixed (each message says how), not added to an ignore file.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
const workflows = readdirSync('workflows').filter((name) => name.endsWith('.arazzo.yaml')).map((name) => `workflows/${name}`);
const runs = [
  ['lint', '--config', '../redocly.yaml', ...process.argv.slice(2)],
  ['lint', ...workflows, '--config', 'workflows/redocly.yaml'],
];
const withoutIgnoreAdvice = (text) => text.split('\n').filter((line) => !line.includes('--generate-ignore-file')).join('\n');
for (const args of runs) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  process.stdout.write(withoutIgnoreAdvice(result.stdout ?? ''));
  process.stderr.write(withoutIgnoreAdvice(result.stderr ?? ''));
  if (result.status !== 0) process.exitCode = result.status ?? 1;
}
