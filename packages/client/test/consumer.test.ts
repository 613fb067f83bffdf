// What an integrator gets before the packages are on a registry: the README's `npm run pack:client`
// (build, pack the client with the types it needs) and the `npm install` it prints, run in a fresh
// project; the README's example compiled under strict TypeScript and then run against the real mock.
// The install is offline and needs nothing in the npm cache: the third-party packages they depend on
// are packed from this repository's node_modules (the versions of its lockfile) and given to the
// fresh project as `overrides`.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const packagesDir = fileURLToPath(new URL('../..', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
const readme = await readFile(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

/** The first TypeScript block of the README's "Using the client" section. */
function readmeExample(): string {
  const section = readme.split(/^## Using the client$/m)[1]?.split(/^## /m)[0] ?? '';
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md has no ```ts block under "## Using the client".');
  return block;
}

const STRICT_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    types: [],
    outDir: 'out',
  },
};

let project: string;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'pbx-client-consumer-'));
  const { stdout } = await run('npm', ['run', '-s', 'pack:client', '--', '--out', project], { cwd: repositoryRoot });
  const install = stdout.split('\n').find((line) => line.startsWith('npm install '));
  if (!install) throw new Error(`npm run pack:client printed no install command:\n${stdout}`);
  const overrides = await packThirdPartyDependencies(['types', 'client'].map((name) => join(packagesDir, name)), project);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', overrides }, null, 2));
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify(STRICT_TSCONFIG, null, 2));
  // The printed command as it is, offline (the third-party packages come from the overrides).
  await run('npm', [...install.split(' ').slice(1), '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project });
});

/**
 * Packs every third-party package that the given packages need at run time, as installed here,
 * into `destination`; returns `{ name: 'file:./<tarball>' }` for the consumer's `overrides`.
 */
async function packThirdPartyDependencies(packageDirs: string[], destination: string): Promise<Record<string, string>> {
  const overrides: Record<string, string> = {};
  const pending = packageDirs.map((dir) => ({ dir, manifest: require(join(dir, 'package.json')) as Manifest }));
  while (pending.length > 0) {
    const { dir, manifest } = pending.pop()!;
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      if (name.startsWith('@myreports/') || name in overrides) continue;
      const depDir = installedDir(name, dir);
      const manifestPath = join(depDir, 'package.json');
      const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination, depDir]);
      overrides[name] = `file:./${(JSON.parse(stdout) as { filename: string }[])[0]!.filename}`;
      pending.push({ dir: depDir, manifest: require(manifestPath) as Manifest });
    }
  }
  return overrides;
}

/** Where Node finds `name` from `dir` (not through its `exports`, which may hide package.json). */
function installedDir(name: string, dir: string): string {
  const candidates = createRequire(join(dir, 'package.json')).resolve.paths(name) ?? [];
  const found = candidates.map((modules) => join(modules, name)).find((candidate) => existsSync(join(candidate, 'package.json')));
  if (!found) throw new Error(`${name}, a dependency of ${dir}, is not installed: run npm ci first.`);
  return found;
}

interface Manifest {
  dependencies?: Record<string, string>;
}

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

const compile = () => run(process.execPath, [tsc, '-p', project], { cwd: project });

describe('a fresh project that installs the packed tarballs', () => {
  test('the README installs the client with npm run pack:client before it is published, and with npm install after', () => {
    const section = readme.split(/^## Using the client$/m)[1]?.split(/^## /m)[0] ?? '';
    expect(section).toContain('npm run pack:client');
    expect(section).toContain('npm install @myreports/pbx-client');
  });

  test('gets the client, the types and openapi-fetch, and nothing of the monorepo', async () => {
    const installed = await readdir(join(project, 'node_modules', '@myreports'));
    expect(installed.sort()).toEqual(['pbx-client', 'pbx-types']);
    const client = await readdir(join(project, 'node_modules', '@myreports', 'pbx-client'));
    expect(client).not.toContain('test');
    expect(client).not.toContain('bench');
    await expect(readFile(join(project, 'node_modules', 'openapi-fetch', 'package.json'), 'utf8')).resolves.toContain('"version": "0.17.0"');
  });

  test('the README example has at most five lines of code', () => {
    const lines = readmeExample().split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeLessThanOrEqual(5);
  });

  test('compiles the README example under strict TypeScript and runs it against the mock', async () => {
    await writeFile(join(project, 'example.ts'), readmeExample());
    await compile();
    // The README targets `npm start`'s mock on port 4010; this run's mock has a free port instead.
    const compiled = await readFile(join(project, 'out', 'example.js'), 'utf8');
    expect(compiled).toContain('http://127.0.0.1:4010');
    await writeFile(join(project, 'out', 'example.js'), compiled.replaceAll('http://127.0.0.1:4010', inject('mockUrl')));
    const { stdout } = await run(process.execPath, [join(project, 'out', 'example.js')], { cwd: project });
    expect(stdout).toContain('Customers Kazoo Pbx KazooPbxConnectionProfile');
    expect(stdout).toContain('3CX Connection ThreeCxConnectionProfile');
    expect(stdout).toContain('Profile of an undocumented type');
  });

  test('the installed types are real: a wrong _type does not compile', async () => {
    const wrong = `import { createClient } from '@myreports/pbx-client';
const pbx = createClient({ region: 'eu', token: 't', acceptCharges: true });
await pbx.profiles.create({ accountTenantId: 'a', customerTenantId: 'c' }, { _type: 'ExampleUndocumentedType', name: 'Teams' });
`;
    await writeFile(join(project, 'example.ts'), wrong);
    const failure = await compile().then(
      () => undefined,
      (error: { stdout: string }) => error.stdout,
    );
    expect(failure).toMatch(/example\.ts\(3,\d+\): error TS2769: No overload matches this call/);
  });

  test('the guard then switch (p._type) narrow installed list results; an undocumented _type compares with any string', async () => {
    const narrowing = `import { createClient, isOtherProfile, type AnyPbxConnectionProfile } from '@myreports/pbx-client';
const pbx = createClient({ region: 'eu', token: 't' });
export const describeProfile = (p: AnyPbxConnectionProfile): string => {
  if (isOtherProfile(p)) return p._type === 'TeamsConnectionProfile' ? 'Teams' : \`undocumented \${p._type}\`;
  switch (p._type) {
    case 'KazooPbxConnectionProfile': return p.hostRest ?? p.accountId ?? '';
    case 'ThreeCxConnectionProfile': return p.username ?? '';
  }
};
export const names = async () => (await pbx.profiles.list({ accountTenantId: 'a', customerTenantId: 'c' })).data.map(describeProfile);
`;
    await writeFile(join(project, 'example.ts'), narrowing);
    await expect(compile()).resolves.toMatchObject({ stdout: '' });
    // The check bites: without the case, a Kazoo field does not compile.
    await writeFile(join(project, 'example.ts'), narrowing.replace("case 'ThreeCxConnectionProfile': return p.username", "case 'ThreeCxConnectionProfile': return p.accountId"));
    const failure = await compile().then(
      () => undefined,
      (error: { stdout: string }) => error.stdout,
    );
    expect(failure).toMatch(/example\.ts\(7,\d+\): error TS2339: Property 'accountId' does not exist on type/);
  });
});
