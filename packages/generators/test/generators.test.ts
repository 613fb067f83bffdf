// Each generator on the published bundle: its output compiles under tsc --strict with no
// @ts-nocheck, its create body is a union discriminated on _type, and its zod validators (if any)
// agree with the spec on every fixture but the listed limits.
import { invalidCreateBodies, invalidPatchBodies, validCreateBodies, validPatchBodies } from '@myreports/pbx-fixtures';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileStrict, hasTsNocheck, removeTsNocheck, sourceFiles, writeTypeTest } from '../src/compile.js';
import { generate } from '../src/generate.js';
import { GENERATORS } from '../src/generators.js';
import { limitOf } from '../src/limits.js';
import { OUT_DIR, PACKAGE_DIR } from '../src/paths.js';
import { type Parser, loadValidators } from '../src/validators.js';

/** The only generator that writes `// @ts-nocheck` (into its banner, whatever it generates). */
/** What this folder holds: its sources, its dependencies and `generated/`. */
const PACKAGE_ENTRIES = ['README.md', 'generated', 'node_modules', 'package-lock.json', 'package.json', 'src', 'test', 'tsconfig.json', 'vitest.config.ts'];

const WRITES_TS_NOCHECK: Record<string, string[]> = { 'swagger-typescript-api': ['api.ts'] };

describe.each(GENERATORS)('$name', (generator) => {
  let out = '';
  beforeAll(() => {
    out = generate(generator).out;
  });

  it('compiles under tsc --strict, with the create-body type test, once its @ts-nocheck lines are gone', () => {
    expect(removeTsNocheck(out)).toEqual(WRITES_TS_NOCHECK[generator.name] ?? []);
    expect(hasTsNocheck(out)).toBe(false);
    writeTypeTest(generator, out);
    const result = compileStrict(out);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('writes only into its output folder', () => {
    expect(readdirSync(PACKAGE_DIR).sort()).toEqual(PACKAGE_ENTRIES);
  });

  it('names no loopback server: the local mock is not in the published description', () => {
    const text = sourceFiles(out).map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(text).not.toMatch(/127\.0\.0\.1|localhost/);
  });
});

describe.each(GENERATORS.filter((generator) => generator.zod))('$name zod validators', (generator) => {
  let validators: { create: Parser; patch: Parser };
  // The output the suite above wrote: the suites of a file run in order.
  beforeAll(async () => {
    validators = await loadValidators(generator, join(OUT_DIR, generator.name));
  });

  const rows = (body: 'create' | 'patch', valid: { name: string; value: unknown }[], invalid: { name: string; value: unknown }[]) => [
    ...valid.map((row) => ({ ...row, body, want: true, why: 'valid' })),
    ...invalid.map((row) => {
      const limit = limitOf(generator.name, body, row.name);
      return { ...row, body, want: limit !== undefined, why: limit ? `limit: ${limit.reason}` : 'invalid' };
    }),
  ];

  it.each([...rows('create', validCreateBodies, invalidCreateBodies), ...rows('patch', validPatchBodies, invalidPatchBodies)])(
    '$body $name ($why)',
    ({ body, value, want }) => {
      expect(validators[body].safeParse(value).success).toBe(want);
    },
  );
});
