// npm run check:packages: for each published package, `npm publish --dry-run`, the manifest fields,
// what the tarball ships, publint and attw. Prints one line per check and every failure's output.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLISHABLE, licenseProblems, manifestProblems, missingEntryPoints, repositoryOnlyFiles } from './publishable.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const quiet = { ...process.env, NPM_CONFIG_UPDATE_NOTIFIER: 'false', NPM_CONFIG_FUND: 'false', NPM_CONFIG_AUDIT: 'false' };

interface Outcome {
  ok: boolean;
  detail: string;
}

function run(command: string, args: string[], cwd = root): Outcome {
  const result = spawnSync(command, args, { cwd, env: quiet, encoding: 'utf8' });
  return { ok: result.status === 0, detail: `${result.stdout}\n${result.stderr}`.trim() };
}

function packedFiles(dir: string): Outcome & { files: string[] } {
  const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(root, dir), env: quiet, encoding: 'utf8' });
  if (result.status !== 0) return { ok: false, detail: result.stderr.trim(), files: [] };
  const [pack] = JSON.parse(result.stdout) as { files: { path: string }[] }[];
  return { ok: true, detail: '', files: (pack?.files ?? []).map((file) => file.path) };
}

const rootLicense = readFileSync(join(root, 'LICENSE'), 'utf8');
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository?: { url?: string } };
let failures = 0;
for (const { name, dir } of PUBLISHABLE) {
  console.log(`\n${name} (${dir})`);
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const packed = packedFiles(dir);
  const shipped = repositoryOnlyFiles(packed.files);
  const checks: [string, () => Outcome][] = [
    ['npm publish --dry-run', () => run('npm', ['publish', '--dry-run', '--workspace', dir])],
    ['manifest fields', () => {
      const problems = manifestProblems(manifest, dir, rootManifest.repository?.url);
      return { ok: problems.length === 0, detail: problems.join('\n') };
    }],
    ['files shipped', () =>
      packed.ok
        ? { ok: shipped.length === 0, detail: `ships files only the repository needs:\n${shipped.join('\n')}` }
        : packed],
    ['entry points shipped', () => {
      const missing = missingEntryPoints(manifest, packed.files);
      return { ok: packed.ok && missing.length === 0, detail: `not in the tarball (run \`npm run build\` first?):\n${missing.join('\n')}` };
    }],
    ['README shipped', () =>
      ({ ok: packed.files.some((file) => /^readme(\.md)?$/i.test(file)), detail: 'no README.md in the tarball: the npm page would be empty' })],
    ['LICENSE shipped', () => {
      const licensePath = join(root, dir, 'LICENSE');
      const problems = licenseProblems(packed.files, existsSync(licensePath) ? readFileSync(licensePath, 'utf8') : undefined, rootLicense);
      return { ok: packed.ok && problems.length === 0, detail: problems.join('\n') };
    }],
    ['publint --strict', () => run(process.execPath, [bin('publint'), join(root, dir), '--strict'])],
    ['attw', () => run(process.execPath, [bin('@arethetypeswrong/cli', 'attw'), '--pack', join(root, dir), '--profile', 'esm-only'])],
  ];
  for (const [label, check] of checks) {
    const outcome = check();
    console.log(`  ${outcome.ok ? 'ok  ' : 'FAIL'} ${label}`);
    if (!outcome.ok) {
      failures += 1;
      console.log(outcome.detail.replace(/^/gm, '       '));
    }
  }
  console.log(`  ${packed.files.length} files: ${packed.files.join(', ')}`);
}

console.log(failures === 0 ? '\nEvery package is ready to publish.' : `\n${failures} check(s) failed.`);
process.exitCode = failures === 0 ? 0 : 1;

/** The JavaScript entry of a CLI installed in the root node_modules, run with this Node. */
function bin(pkg: string, command = pkg): string {
  const manifestPath = join(root, 'node_modules', pkg, 'package.json');
  const { bin: bins } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: string | Record<string, string> };
  const entry = typeof bins === 'string' ? bins : bins[command]!;
  return join(root, 'node_modules', pkg, entry);
}
