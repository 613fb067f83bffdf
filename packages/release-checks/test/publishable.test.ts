import { describe, expect, it } from 'vitest';
import { licenseProblems, manifestProblems, missingEntryPoints, repositoryOnlyFiles } from '../src/publishable.js';

const good = {
  name: '@myreports/pbx-client',
  license: 'MIT',
  repository: { type: 'git', url: 'git+https://example.invalid/repo.git', directory: 'packages/client' },
  publishConfig: { access: 'public' },
  files: ['dist'],
};

describe('manifest fields of a published package', () => {
  it('accepts a complete manifest', () => expect(manifestProblems(good, 'packages/client', good.repository.url)).toEqual([]));
  it.each([
    { field: 'license', manifest: { ...good, license: undefined }, problem: 'no "license"' },
    { field: 'repository', manifest: { ...good, repository: undefined }, problem: 'no "repository.url"' },
    { field: 'repository.directory', manifest: { ...good, repository: { url: good.repository.url } }, problem: '"repository.directory" should be "packages/client"' },
    { field: 'publishConfig', manifest: { ...good, publishConfig: undefined }, problem: 'restricted' },
    { field: 'files', manifest: { ...good, files: undefined }, problem: 'no "files" list' },
    { field: 'repository.url', manifest: { ...good, repository: { ...good.repository, url: 'git+https://example.invalid/other.git' } }, problem: 'should be the root\'s' },
    { field: 'private', manifest: { ...good, private: true }, problem: 'refuse to publish' },
  ])('reports a missing or wrong $field', ({ manifest, problem }) => {
    expect(manifestProblems(manifest, 'packages/client', good.repository.url).join('\n')).toContain(problem);
  });
});

describe('files a tarball should not ship', () => {
  it.each([
    { files: ['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts'], extra: [] },
    { files: ['dist/index.js', 'test/client.test.ts', 'tsconfig.build.json', 'vitest.config.ts'], extra: ['test/client.test.ts', 'tsconfig.build.json', 'vitest.config.ts'] },
    { files: ['dist/index.js', 'bench/overhead.js', 'scripts/gen.js'], extra: ['bench/overhead.js', 'scripts/gen.js'] },
    { files: ['dist/index.js', 'dist/index.js.map', 'src/index.ts'], extra: [] },
    { files: ['dist/index.js', 'src/index.ts'], extra: ['src/index.ts'] },
  ])('$files', ({ files, extra }) => {
    expect(repositoryOnlyFiles(files)).toEqual(extra);
  });
});

describe('entry points the tarball must contain', () => {
  const manifest = {
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json', './*': './dist/*.js' },
    bin: { 'pbx-mock': './dist/cli.js' },
  };
  it('passes when every target is packed', () => {
    expect(missingEntryPoints(manifest, ['package.json', 'dist/index.d.ts', 'dist/index.js', 'dist/cli.js'])).toEqual([]);
  });
  it('names what an unbuilt package lacks', () => {
    expect(missingEntryPoints(manifest, ['package.json', 'README.md'])).toEqual(['dist/index.d.ts', 'dist/index.js', 'dist/cli.js']);
  });
});

describe('the licence a tarball ships', () => {
  const mit = 'MIT License\n\nCopyright (c) 2026 The myreports-pbx-api contributors\n';
  it('accepts a LICENSE equal to the root one', () => expect(licenseProblems(['LICENSE', 'dist/index.js'], mit, mit)).toEqual([]));
  it.each([
    { files: ['dist/index.js'], license: mit, problem: 'no LICENSE in the tarball' },
    { files: ['LICENSE'], license: undefined, problem: 'no LICENSE file in the package folder' },
    { files: ['LICENSE'], license: 'ISC License\n', problem: 'differs from the root LICENSE' },
  ])('rejects $problem', ({ files, license, problem }) => {
    expect(licenseProblems(files, license, mit).join('\n')).toContain(problem);
  });
});
