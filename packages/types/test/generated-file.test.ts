// The generated file is a build output: these checks tie it to the bundled spec and to the flags
// the project requires, so a change of generator options or a stale file fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { listOperations, loadBundledSpec } from '@myreports/pbx-fixtures';

const generated = readFileSync(new URL('../dist/index.d.ts', import.meta.url), 'utf8');
const spec = loadBundledSpec();

describe('dist/index.d.ts', () => {
  test('has every path and operationId of the bundled spec', () => {
    for (const { path, operationId } of listOperations(spec)) {
      expect(generated).toContain(`"${path}": {`);
      expect(generated).toContain(`${operationId}: {`);
    }
  });

  test('has a root type for every component schema (--root-types)', () => {
    for (const name of Object.keys(spec.components.schemas)) {
      expect(generated).toContain(`export type Schema${name} = components['schemas']['${name}'];`);
    }
  });

  test('has read/write markers and no TypeScript enum (--read-write-markers, never --enum)', () => {
    expect(generated).toContain('export type Writable<T>');
    expect(generated).not.toMatch(/\benum\s+\w+\s*\{/);
  });
});
