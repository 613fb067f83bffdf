// The checks themselves can fail: a body type that is not discriminated on _type does not pass the
// type test, and the @ts-nocheck remover finds what it removes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileStrict, hasTsNocheck, removeTsNocheck, writeTypeTest } from '../src/compile.js';
import type { Generator } from '../src/generators.js';
import { packageDir } from '../src/paths.js';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A folder holding `module.ts` as a generator would write it, plus the type test against it. */
function project(source: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'pbx-generators-'));
  folders.push(folder);
  writeFileSync(join(folder, 'module.ts'), source);
  const generator = { name: 'hand-written', createBody: { module: './module', type: 'G.Create' } } as Generator;
  writeTypeTest(generator, folder);
  return folder;
}

const kazoo = "{ _type: 'KazooPbxConnectionProfile'; name: string; hostRest: string; hostWebsocket: string; accountId: string; apiKey: string }";
const threeCx = "{ _type: 'ThreeCxConnectionProfile'; name: string; licenseKey: string; username: string; password: string }";

describe('the create-body type test', () => {
  it('passes a union discriminated on _type', () => {
    expect(compileStrict(project(`export type Create = ${kazoo} | ${threeCx};`)).output).toBe('');
  });

  it('fails a body whose _type is any string (the variants are not discriminated)', () => {
    const loose = `export type Create = { _type: string; name: string; apiKey?: string; password?: string; [field: string]: unknown };`;
    const result = compileStrict(project(loose));
    expect(result.ok).toBe(false);
    expect(result.output).toContain("Unused '@ts-expect-error' directive");
  });

  it('fails a union whose variants do not require their own fields', () => {
    const result = compileStrict(project(`export type Create = Partial<${kazoo}> | Partial<${threeCx}>;`));
    expect(result.ok).toBe(false);
  });
});

describe('the @ts-nocheck remover', () => {
  it('removes the banner line and leaves nothing to find', () => {
    const folder = project('/* eslint-disable */\n// @ts-nocheck\nexport type Create = string;\n');
    expect(hasTsNocheck(folder)).toBe(true);
    expect(removeTsNocheck(folder)).toEqual(['module.ts']);
    expect(hasTsNocheck(folder)).toBe(false);
  });
});

describe('telemetry', () => {
  it("Kubb runs through its programmatic build: the CLI, which reports usage and checks for updates, is not installed", () => {
    expect(() => packageDir('@kubb/cli')).toThrow(/not installed/);
  });
});
