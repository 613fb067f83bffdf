import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from './child.js';
import { CACHE_DIR } from './paths.js';

/**
 * The official Node build that generators needing Node >= 22 run under, from the npm registry's
 * `node-<platform>-<arch>` packages. Installed on first use into a cache folder, never as a
 * dependency: a dependency would put its `node` first on the PATH of every npm script of the repo
 * (so Node 20 would silently stop being tested), weigh 190 MB on every `npm ci`, and not install on
 * other platforms.
 */
export const NEWER_NODE_VERSION = '24.22.3';

export function newerNode(): string {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  const name = `node-${platform}-${process.arch}`;
  const prefix = join(CACHE_DIR, `${name}-${NEWER_NODE_VERSION}`);
  const binary = join(prefix, 'node_modules', name, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (existsSync(binary)) return binary;
  mkdirSync(prefix, { recursive: true });
  // A package.json of its own, so npm installs here and not into the workspace.
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = runChild(
    `npm install ${name}@${NEWER_NODE_VERSION}`,
    npm,
    ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `${name}@${NEWER_NODE_VERSION}`],
    { cwd: prefix },
  );
  if (result.status !== 0 || !existsSync(binary)) {
    throw new Error(`Could not install ${name}@${NEWER_NODE_VERSION} from the npm registry: ${result.stderr || result.error}`);
  }
  return binary;
}
