import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runChild } from './child.js';
import type { Generator } from './generators.js';
import { bundledSpec, packageDir } from './paths.js';

const NOCHECK = /^\s*\/\/\s*@ts-nocheck.*$/m;

/** Every .ts file under `dir`. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(dir, file));
}

/**
 * Deletes the `// @ts-nocheck` lines a generator writes into its banner (swagger-typescript-api does,
 * whatever it generates), so that the whole output is type-checked; returns the files it changed.
 */
export function removeTsNocheck(dir: string): string[] {
  const changed: string[] = [];
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    if (!NOCHECK.test(text)) continue;
    writeFileSync(file, text.replace(new RegExp(NOCHECK.source, 'gm'), ''));
    changed.push(relative(dir, file));
  }
  return changed;
}

export function hasTsNocheck(dir: string): boolean {
  return sourceFiles(dir).some((file) => NOCHECK.test(readFileSync(file, 'utf8')));
}

/** A named example of the bundled spec (the vendor's request bodies), as the test's data. */
function vendorExample(name: string): unknown {
  const spec = JSON.parse(readFileSync(bundledSpec('json'), 'utf8')) as { components: { examples: Record<string, { value: unknown }> } };
  return spec.components.examples[name]!.value;
}

/**
 * The type test: the create body must accept both vendor examples, narrow on `_type`, and refuse a
 * Kazoo body under the 3CX `_type`. Each refusal is a `@ts-expect-error`, which is itself an error
 * when unused, so a permissive type (a plain object, `any`, an enum-less string) fails to compile.
 */
export function writeTypeTest(generator: Generator, out: string, name = 'create-body.check.ts'): string {
  const file = join(out, name);
  writeFileSync(
    file,
    `import type * as G from '${generator.createBody.module}';

type Create = ${generator.createBody.type};

const kazoo = ${JSON.stringify(vendorExample('KazooCreateRequest'))} as const;
const threeCx = ${JSON.stringify(vendorExample('ThreeCxCreateRequest'))} as const;

export const accepted: Create[] = [kazoo, threeCx];

export function secretOf(body: Create): string {
  // Only a union discriminated on _type lets each branch read its own required field.
  return body._type === 'KazooPbxConnectionProfile' ? body.apiKey : body.password;
}

// @ts-expect-error Kazoo fields under the 3CX _type
export const swapped: Create = { ...kazoo, _type: 'ThreeCxConnectionProfile' };
// @ts-expect-error an undocumented _type
export const teams: Create = { ...threeCx, _type: 'TeamsPbxConnectionProfile' };
`,
  );
  return file;
}

export interface CompileResult {
  ok: boolean;
  output: string;
}

/** \`tsc --strict --noEmit\` over every file of `out` (the generated code and the type test). */
export function compileStrict(out: string): CompileResult {
  writeFileSync(
    join(out, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          moduleResolution: 'Bundler',
          allowImportingTsExtensions: true,
          skipLibCheck: true,
          types: [],
        },
        include: ['**/*.ts'],
      },
      null,
      2,
    ),
  );
  const tsc = join(packageDir('typescript'), 'bin', 'tsc');
  const result = runChild(`tsc --strict on ${out}`, process.execPath, [tsc, '-p', out, '--strict', '--pretty', 'false']);
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}
