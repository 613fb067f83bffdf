// npm run pack:client [-- --out <folder>]: the client as a project can install it before it is on a
// registry. Packs @myreports/pbx-client and the packages of this repository it depends on (the
// types: npm would look them up on the registry otherwise) into <folder> (default: packed/), and
// prints the one `npm install` that installs them together. Builds them first when they are not
// built yet (a fresh clone); otherwise packs the last `npm run build`, so that it never rewrites
// build output that tests running beside it read.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PUBLISHABLE } from './publishable.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const CLIENT = '@myreports/pbx-client';

/** The client and, recursively, the packages of this repository it depends on at run time. */
export function packagesToPack(name: string = CLIENT, found: string[] = []): string[] {
  if (found.includes(name)) return found;
  const dir = PUBLISHABLE.find((entry) => entry.name === name)?.dir;
  if (!dir) throw new Error(`${name} is not one of the published packages of this repository.`);
  const manifest = readManifest(dir);
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    if (PUBLISHABLE.some((entry) => entry.name === dependency)) packagesToPack(dependency, found);
  }
  found.push(name);
  return found;
}

interface Manifest {
  dependencies?: Record<string, string>;
  types?: string;
  exports?: { '.'?: { default?: string } };
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Manifest;
}

/** Whether a package's entry points (its `types` and the default export) are built. */
function isBuilt(name: string): boolean {
  const dir = PUBLISHABLE.find((entry) => entry.name === name)!.dir;
  const manifest = readManifest(dir);
  return [manifest.types, manifest.exports?.['.']?.default].every((file) => file === undefined || existsSync(join(root, dir, file)));
}

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'packed') } } });
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const names = packagesToPack();
  if (!names.every(isBuilt)) {
    execFileSync('npx', ['turbo', 'run', 'build', `--filter=${CLIENT}`, '--output-logs=errors-only'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', REDOCLY_TELEMETRY: 'off' },
    });
  }
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', out, ...names.flatMap((name) => ['--workspace', name])], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NPM_CONFIG_UPDATE_NOTIFIER: 'false' },
    }),
  ) as { filename: string }[];
  const tarballs = packed.map(({ filename }) => join(out, filename));
  console.log(`Packed ${names.join(' and ')} into ${out}. In your project, install them together:\n`);
  console.log(`npm install ${tarballs.join(' ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
