#!/usr/bin/env node
// `npm start` at the repository root. A committed launcher rather than dist/start.js, so that:
// - `npm start -- --help` answers at once, before anything is built (the mock's own command prints
//   the options, without loading its engine);
// - the build before the stack prints only a short summary, or a failing task's whole log.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@myreports/pbx-mock/package.json');
  const command = join(dirname(manifest), require(manifest).bin['pbx-mock']);
  const usage = execFileSync(process.execPath, [command, '--help'], { encoding: 'utf8' });
  process.stdout.write(usage.replace('pbx-mock [options] ', 'npm start -- [options]'));
  process.exit(0);
}

const quiet = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', REDOCLY_TELEMETRY: 'off' };
const build = spawnSync('npx', ['--no-install', 'turbo', 'run', 'build', '--output-logs=errors-only'], { stdio: 'inherit', env: quiet });
if (build.status !== 0) process.exit(build.status ?? 1);
process.argv = [process.argv[0], new URL('../dist/start.js', import.meta.url).pathname, ...args];
await import('../dist/start.js');
