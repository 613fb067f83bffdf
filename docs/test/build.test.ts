// The docs build replaces dist/index.html only with a complete page: a build that fails after
// Redocly rendered (here: a template that holds Redoc twice, so each expression the build patches
// is there twice, as when Redoc changes under the patches) leaves the last good page in place, and
// says why in one message.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const docsDir = fileURLToPath(new URL('..', import.meta.url));
const root = join(docsDir, '..');
let repository: string | undefined;
afterAll(() => repository && rm(repository, { recursive: true, force: true }));

const LAST_GOOD_PAGE = '<!DOCTYPE html><title>The last good page</title><p>Served until a build completes.</p>';

/** What a reader of the page would notice, rather than its 2.6 MB. */
const factsOf = (page: string) => ({
  title: /<title>([^<]*)<\/title>/.exec(page)?.[1],
  bytes: Buffer.byteLength(page),
  redocInside: page.includes('__redoc_definition'),
});

describe('a docs build that fails after Redocly rendered the page', () => {
  it('leaves dist/index.html as it was, nothing else in dist/, and prints the reason without a stack trace', async () => {
    // A repository of its own: a copy of docs/ with that template, the spec and the packages linked.
    repository = await mkdtemp(join(tmpdir(), 'pbx-docs-build-'));
    for (const shared of ['spec', 'node_modules']) await symlink(join(root, shared), join(repository, shared));
    const copy = join(repository, 'docs');
    await cp(join(docsDir, 'scripts'), join(copy, 'scripts'), { recursive: true });
    for (const file of ['package.json', 'redocly.yaml']) await cp(join(docsDir, file), join(copy, file));
    await mkdir(join(copy, 'redoc'), { recursive: true });
    await writeFile(join(copy, 'redoc', 'template.hbs'), '<!DOCTYPE html>\n<html><head><title>{{title}}</title>{{{redocHead}}}</head><body>{{{redocHTML}}}{{{redocHTML}}}</body></html>\n');
    await mkdir(join(copy, 'dist'));
    await writeFile(join(copy, 'dist', 'index.html'), LAST_GOOD_PAGE);

    const build = await run(process.execPath, [require.resolve('tsx/cli'), 'scripts/build.ts'], { cwd: copy }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );

    expect(build.code).toBe(1);
    expect(factsOf(await readFile(join(copy, 'dist', 'index.html'), 'utf8'))).toEqual(factsOf(LAST_GOOD_PAGE));
    expect(await readdir(join(copy, 'dist'))).toEqual(['index.html']);
    expect(build.stderr).toMatch(/Redoc/);
    expect(build.stderr).not.toMatch(/\n\s+at /);
    // The scratch folder Redocly rendered into is gone.
    expect((await readdir(join(copy, '.cache'))).filter((name) => name.startsWith('page-'))).toEqual([]);
  });
});
