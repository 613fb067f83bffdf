// Shared by the size benchmark and the budget test, so both measure the same thing.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/**
 * 8 kB gzipped (8,192 bytes: kB as esbuild and size-limit count it) for every export, openapi-fetch
 * included: all the resources, the guards, the errors and `raw`.
 */
export const BUDGET_BYTES = 8 * 1024;
/**
 * 7 kB for an app that imports only the profile operations (`createProfilesClient`): the other
 * resources and openapi-fetch's own client stay out of its bundle.
 */
export const PROFILES_BUDGET_BYTES = 7 * 1024;

const packageDir = fileURLToPath(new URL('..', import.meta.url));

async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength, code };
}

/**
 * Every export kept alive (a worst case for tree shaking), an app that uses only the profile
 * operations, and openapi-fetch alone for comparison.
 */
export async function measureBundle() {
  const client = await bundle("import * as pbx from './dist/index.js'; globalThis.pbx = pbx;");
  const profilesOnly = await bundle("import { createProfilesClient } from './dist/index.js'; globalThis.pbx = createProfilesClient;");
  const bareOpenapiFetch = await bundle("import createClient from 'openapi-fetch'; globalThis.createClient = createClient;");
  return { ...client, profilesOnly, bareOpenapiFetch };
}
