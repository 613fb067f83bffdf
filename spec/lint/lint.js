// `npm run lint`: Redocly's lint of the spec, printed without its closing advice to run
// `--generate-ignore-file`. The house rules are the style guide: a problem they report is to be
// fixed (each message says how), not added to an ignore file.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
const result = spawnSync(process.execPath, [cli, 'lint', '--config', '../redocly.yaml', ...process.argv.slice(2)], { encoding: 'utf8' });
const withoutIgnoreAdvice = (text) => text.split('\n').filter((line) => !line.includes('--generate-ignore-file')).join('\n');
process.stdout.write(withoutIgnoreAdvice(result.stdout ?? ''));
process.stderr.write(withoutIgnoreAdvice(result.stderr ?? ''));
process.exitCode = result.status ?? 1;
