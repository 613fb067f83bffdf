// The methods are typed by the generated `paths`: the client's sources, compiled against a copy of
// @myreports/pbx-types in which the spec renamed a path parameter, no longer compile. Before this,
// the methods called openapi-fetch through a cast with hand-written id types and still compiled.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const typesPackage = dirname(require.resolve('@myreports/pbx-types/package.json'));
const openapiFetch = dirname(require.resolve('openapi-fetch/package.json'));
const source = fileURLToPath(new URL('../src', import.meta.url));
const generated = await readFile(join(typesPackage, 'dist', 'index.d.ts'), 'utf8');
const baseOptions = JSON.parse((await readFile(fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url)), 'utf8')).replace(/^\s*\/\/.*$/gm, '')).compilerOptions;

const projects: string[] = [];
afterAll(() => Promise.all(projects.map((project) => rm(project, { recursive: true, force: true }))));

/** Compiles a copy of the client's sources against `types` as the generated file; the compiler's output. */
async function compileAgainst(types: string): Promise<{ ok: boolean; output: string }> {
  const project = await mkdtemp(join(tmpdir(), 'pbx-client-typed-'));
  projects.push(project);
  await cp(source, join(project, 'src'), { recursive: true });
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'typed-by-spec', private: true, type: 'module' }));
  const typesCopy = join(project, 'node_modules', '@myreports', 'pbx-types');
  await mkdir(join(typesCopy, 'dist'), { recursive: true });
  await cp(join(typesPackage, 'package.json'), join(typesCopy, 'package.json'));
  await writeFile(join(typesCopy, 'dist', 'index.d.ts'), types);
  await writeFile(join(typesCopy, 'dist', 'index.js'), 'export {};\n');
  await symlink(openapiFetch, join(project, 'node_modules', 'openapi-fetch'), 'dir');
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...baseOptions, noEmit: true, types: [] }, include: ['src'] }));
  return run(process.execPath, [tsc, '-p', project], { cwd: project }).then(
    ({ stdout }) => ({ ok: true, output: stdout }),
    (error: { stdout: string }) => ({ ok: false, output: error.stdout }),
  );
}

describe('the methods are type-checked against the spec', () => {
  test('the sources compile against the generated types as they are', async () => {
    const { ok, output } = await compileAgainst(generated);
    expect(output).toBe('');
    expect(ok).toBe(true);
  });

  test('renaming the path parameter pbxId to profileId breaks the build of the client', async () => {
    const renamed = generated.replaceAll('{pbxId}', '{profileId}').replaceAll('pbxId:', 'profileId:');
    expect(renamed).not.toBe(generated);
    const { ok, output } = await compileAgainst(renamed);
    expect(ok).toBe(false);
    // The only errors are the ones the rename causes: the path the client calls is no longer in `paths`.
    expect(output).toContain('pbxId}"');
    expect(output).not.toMatch(/TS1295|TS2307/);
  });
});
