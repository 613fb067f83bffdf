import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where each generator writes, one folder per generator; a build output, never committed. */
export const OUT_DIR = join(PACKAGE_DIR, 'generated');
/** Downloaded runtimes, kept between runs. */
export const CACHE_DIR = join(PACKAGE_DIR, 'node_modules', '.cache', 'pbx-generators');

/** The published bundle, as a consumer of `@myreports/pbx-openapi` gets it, in either of its formats. */
export function bundledSpec(format: 'yaml' | 'json' = 'yaml'): string {
  try {
    return require.resolve(`@myreports/pbx-openapi/openapi.${format}`);
  } catch {
    throw new Error('The bundled spec is missing: run `npm run build` first.');
  }
}

/** The folder of an installed package (found on disk: not every package exports its package.json). */
export function packageDir(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    if (existsSync(join(base, name, 'package.json'))) return join(base, name);
  }
  throw new Error(`${name} is not installed: run npm ci.`);
}

export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
}
