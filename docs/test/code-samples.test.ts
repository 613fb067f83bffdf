import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listOperations, loadBundledSpec } from '@myreports/pbx-fixtures';
import { type CodeSample, collectCodeSamples, guideCodeBlocks, SAMPLE_LANGUAGES, typeCheckSamples } from '../scripts/code-samples.js';

const spec = loadBundledSpec();
const samples = collectCodeSamples(spec);
const scratch = join(fileURLToPath(new URL('..', import.meta.url)), '.cache', 'samples-test');

describe('the code samples of the spec', () => {
  it('give every operation exactly one sample in each language', () => {
    for (const { operation } of listOperations(spec)) {
      const langs = samples.filter((sample) => sample.operationId === operation.operationId).map((sample) => sample.lang);
      expect(langs, operation.operationId).toEqual([...SAMPLE_LANGUAGES]);
    }
  });

  it('are what the build type-checks: all of them compile against the client package', () => {
    expect(typeCheckSamples(samples.filter((sample) => sample.lang === 'TypeScript'), scratch)).toEqual([]);
  });
});

describe('typeCheckSamples', () => {
  const sample = (source: string): CodeSample => ({ operationId: 'someOperation', method: 'get', path: '/x', lang: 'TypeScript', label: undefined, source });

  it('reports a sample that does not compile, naming its operation and line', () => {
    const problems = typeCheckSamples([sample("export const count: number = 'three';\n")], scratch);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^TypeScript sample of someOperation, line 1:14: Type 'string' is not assignable to type 'number'/);
  });

  it('reports a call the client does not offer', () => {
    const problems = typeCheckSamples(
      [sample("import { createClient } from '@myreports/pbx-client';\nconst pbx = createClient({ region: 'na', token: 't' });\nawait pbx.frobnicate();\n")],
      scratch,
    );
    expect(problems.join('\n')).toContain("Property 'frobnicate' does not exist");
  });
});

describe('guideCodeBlocks', () => {
  it('finds the shell blocks of the guides, indented ones unindented', () => {
    const blocks = guideCodeBlocks(
      { ...spec, info: { description: 'x\n\n1. Step:\n\n   ```sh\n   curl -i "a" \\\n     -H "b"\n   ```\n' }, tags: [] },
      'sh',
    );
    expect(blocks).toEqual(['curl -i "a" \\\n  -H "b"\n']);
  });

  it('finds the first request of the getting-started guide', () => {
    expect(guideCodeBlocks(spec, 'sh').some((block) => block.startsWith('curl -i "https://api.na.myreports.cloud/api/v1.0/'))).toBe(true);
  });
});
