/** The workspaces published to npm, by folder. Everything else in the repository is private. */
export const PUBLISHABLE = [
  { name: '@myreports/pbx-openapi', dir: 'spec' },
  { name: '@myreports/pbx-types', dir: 'packages/types' },
  { name: '@myreports/pbx-client', dir: 'packages/client' },
  { name: '@myreports/pbx-contract', dir: 'packages/contract' },
  { name: '@myreports/pbx-mock', dir: 'packages/mock' },
  { name: '@myreports/pbx-conformance', dir: 'packages/conformance' },
] as const;

/**
 * Files that only the repository needs. The `files` field of a published package should leave them
 * out: users get built output, the README and package.json, not tests, sources or build configs.
 */
const REPOSITORY_ONLY = [
  /(^|\/)(test|tests|__tests__|e2e|bench|scripts|coverage|\.turbo)\//,
  /(^|\/)tsconfig(\.[\w-]+)?\.json$/,
  /(^|\/)vitest(\.[\w-]+)?\.config\.[cm]?[jt]s$/,
  /\.test\.[cm]?[jt]sx?$/,
  /\.tgz$/,
];
const TYPESCRIPT_SOURCE = /(^|\/)src\/.*\.[cm]?ts$/;

export function repositoryOnlyFiles(files: string[]): string[] {
  // Sources are welcome beside source maps (debuggers and "go to definition" open them), not alone.
  const hasMaps = files.some((file) => file.endsWith('.map'));
  return files.filter(
    (file) =>
      !file.endsWith('.d.ts') &&
      (REPOSITORY_ONLY.some((pattern) => pattern.test(file)) || (!hasMaps && TYPESCRIPT_SOURCE.test(file))),
  );
}

/** The manifest fields a published package must carry, and what is missing or wrong among them. */
export function manifestProblems(manifest: Record<string, unknown>, dir: string, repositoryUrl?: string): string[] {
  const problems: string[] = [];
  if (manifest['private'] === true) problems.push('"private": true: npm would refuse to publish it');
  if (typeof manifest['license'] !== 'string') problems.push('no "license"');
  const repository = manifest['repository'] as { url?: unknown; directory?: unknown } | undefined;
  if (typeof repository?.url !== 'string') problems.push('no "repository.url"');
  else if (repositoryUrl !== undefined && repository.url !== repositoryUrl) problems.push(`"repository.url" should be the root's, ${repositoryUrl}`);
  else if (repository.directory !== dir) problems.push(`"repository.directory" should be "${dir}"`);
  const access = (manifest['publishConfig'] as { access?: unknown } | undefined)?.access;
  if (String(manifest['name']).startsWith('@') && access !== 'public') {
    problems.push('scoped package without "publishConfig.access": "public" (npm would publish it as restricted)');
  }
  if (!Array.isArray(manifest['files'])) problems.push('no "files" list: npm would ship the whole folder');
  return problems;
}

/** Files the manifest points users at (`exports`, `main`, `types`, `bin`…) that the tarball lacks,
 * e.g. because the package was not built before packing. publint does not always notice. */
export function missingEntryPoints(manifest: Record<string, unknown>, files: string[]): string[] {
  const shipped = new Set(files.map((file) => file.replace(/^\.\//, '')));
  const targets = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collect);
  };
  for (const field of ['exports', 'main', 'module', 'types', 'typings', 'bin']) collect(manifest[field]);
  return [...targets]
    .map((target) => target.replace(/^\.\//, ''))
    .filter((target) => !target.includes('*') && !shipped.has(target));
}

/**
 * The licence text a package ships must be the repository's own (`LICENSE` at the root). npm puts a
 * package folder's LICENSE in its tarball whatever `files` says, but not the root's, so each
 * published folder keeps a copy, and this check keeps the copies equal.
 */
export function licenseProblems(files: string[], packageLicense: string | undefined, rootLicense: string): string[] {
  if (!files.includes('LICENSE')) return ['no LICENSE in the tarball: users would get no licence text'];
  if (packageLicense === undefined) return ['no LICENSE file in the package folder'];
  if (packageLicense !== rootLicense) return ['LICENSE differs from the root LICENSE: copy the root one'];
  return [];
}
