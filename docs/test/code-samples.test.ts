import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { listOperations, loadBundledSpec } from '@myreports/pbx-fixtures';
import {
  type CodeSample,
  collectCodeSamples,
  guideModules,
  guideShellRequests,
  guideSteps,
  SAMPLE_LANGUAGES,
  sampleFile,
  typeCheckSamples,
} from '../scripts/code-samples.js';

const spec = loadBundledSpec();
const samples = collectCodeSamples(spec);
const docsDir = fileURLToPath(new URL('..', import.meta.url));
const scratch = join(docsDir, '.cache', 'samples-test');
// A samples folder of its own, inside the repository so that messages name it from the root.
const fakeSamples = join(docsDir, '.cache', 'samples-test-src');
afterAll(() => rmSync(fakeSamples, { recursive: true, force: true }));

describe('the code samples of the spec', () => {
  it('give every operation one sample in each language per request example (one when it has none)', () => {
    for (const { operationId, request } of listOperations(spec)) {
      const langs = samples.filter((sample) => sample.operationId === operationId).map((sample) => sample.lang);
      const pairs = Math.max(1, request['application/json']?.examples.length ?? 0);
      expect(langs, operationId).toEqual(Array.from({ length: pairs }, () => [...SAMPLE_LANGUAGES]).flat());
    }
  });

  it('have several examples where the issue of the wrong body arose: create (Kazoo, 3CX) and patch (three)', () => {
    const summaries = (operationId: string): string[] =>
      samples.filter((sample) => sample.operationId === operationId && sample.lang === 'curl').map((sample) => sample.example?.summary ?? '');
    expect(summaries('createPbxConnectionProfile')).toEqual(['Create a Kazoo profile', 'Create a 3CX profile']);
    expect(summaries('patchPbxConnectionProfile')).toEqual(['Rename', 'Enable (start collecting)', 'Rename and disable in one patch']);
  });

  it('each say on their first line which example they send, as the example picker names it', () => {
    for (const sample of samples.filter((candidate) => candidate.example)) {
      const comment = sample.lang === 'curl' ? '# ' : '// ';
      expect(sample.source.split('\n')[0]).toBe(`${comment}${sample.example?.summary}`);
    }
  });

  it('curl ones send exactly the body of their example', () => {
    for (const sample of samples.filter((candidate) => candidate.example && candidate.lang === 'curl')) {
      const body = /-d '([\s\S]*?)'\s*$/.exec(sample.source)?.[1];
      expect(JSON.parse(body ?? 'null'), sample.source.split('\n')[0]).toEqual(sample.example?.value);
    }
  });

  it('are what the build type-checks: all of them compile against the client package', () => {
    expect(typeCheckSamples(samplesIn(samples), scratch)).toEqual([]);
  });

  it('call the client as a reader would, through its resource groups: every operation has a method, so none goes through pbx.raw', () => {
    for (const sample of samplesIn(samples)) {
      expect(sample.source, sample.operationId).toMatch(/\bpbx\.(accounts|customers|users|profiles)\.\w+\(/);
      expect(sample.source, sample.operationId).not.toContain('pbx.raw');
    }
  });

  it('are each found in their file under spec/resources/<resource>/code-samples/', () => {
    for (const sample of samples) expect(sampleFile(sample.source), sample.operationId).toMatch(/^spec\/resources\/[a-z-]+\/code-samples\/(curl|typescript)\/[\w.-]+\.(sh|ts)$/);
  });
});

function samplesIn(all: CodeSample[]): CodeSample[] {
  return all.filter((sample) => sample.lang === 'TypeScript');
}

describe('typeCheckSamples', () => {
  const sample = (source: string): CodeSample => ({ operationId: 'someOperation', method: 'get', path: '/x', lang: 'TypeScript', label: undefined, source, example: undefined });

  it('reports a sample that no longer compiles with its file and line, as the build prints it', () => {
    // A real sample after the client changed under it: its create method got another name.
    const create = samples.find((candidate) => candidate.lang === 'TypeScript' && candidate.example?.name === 'ThreeCxCreateRequest')!;
    const broken = create.source.replace('pbx.profiles.create(', 'pbx.profiles.createProfile(');
    expect(broken).not.toBe(create.source);
    const typescriptDir = join(fakeSamples, 'some-resource', 'code-samples', 'typescript');
    mkdirSync(typescriptDir, { recursive: true });
    writeFileSync(join(typescriptDir, 'create.3cx.ts'), broken);
    const problems = typeCheckSamples([{ ...create, source: broken }], scratch, fakeSamples);
    const line = broken.split('\n').findIndex((text) => text.includes('pbx.profiles.createProfile(')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(problems[0]).toMatch(new RegExp(`^docs/\\.cache/samples-test-src/some-resource/code-samples/typescript/create\\.3cx\\.ts:${line}:36: Property 'createProfile' does not exist`));
    expect(problems[0]).toContain('(TypeScript sample of createPbxConnectionProfile (Create a 3CX profile))');
  });

  it('names the operation when no file holds the source', () => {
    const problems = typeCheckSamples([sample("export const count: number = 'three';\n")], scratch);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^x-codeSamples of someOperation:1:14: Type 'string' is not assignable to type 'number'/);
  });

  it('reports a call the client does not offer', () => {
    const problems = typeCheckSamples(
      [sample("import { createClient } from '@myreports/pbx-client';\nconst pbx = createClient({ region: 'na', token: 't' });\nawait pbx.frobnicate();\n")],
      scratch,
    );
    expect(problems.join('\n')).toContain("Property 'frobnicate' does not exist");
  });

  it("type-checks the walk-through guides' TypeScript as one module each: it compiles, and a broken step is reported with the guide and line", () => {
    const [guide] = guideModules(spec);
    expect(guide?.source).toContain('createIfNotConnected');
    expect(typeCheckSamples([], scratch, undefined, guideModules(spec))).toEqual([]);
    // A step that uses what no earlier step made.
    const broken = { guide: guide!.guide, source: guide!.source.replace('pbx.profiles.enable(pbxIds)', 'pbx.profiles.enable(profileIds)') };
    expect(broken.source).not.toBe(guide!.source);
    const problems = typeCheckSamples([], scratch, undefined, [broken]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the guide "From a token to a collecting PBX":\d+:\d+: Cannot find name 'profileIds'.*\(its TypeScript blocks as one module, line by line\)$/);
  });
});

describe('guideShellRequests', () => {
  it('finds the shell blocks of the guides, indented ones unindented, each with the answer printed after it', () => {
    const requests = guideShellRequests({
      ...spec,
      info: { description: 'x\n\n1. Step:\n\n   ```sh\n   curl -i "a" \\\n     -H "b"\n   ```\n\n   ```json\n   { "status": "error" }\n   ```\n\n```sh\ncurl c\n```\n\ntext\n\n```json\n{}\n```\n' },
      tags: [],
    });
    expect(requests).toEqual([
      { source: 'curl -i "a" \\\n  -H "b"\n', answer: { status: 'error' } },
      // Text between: the json block is not this request's answer.
      { source: 'curl c\n', answer: undefined },
    ]);
  });

  it('finds the first request of the getting-started guide, and the answer the envelopes guide prints', () => {
    const requests = guideShellRequests(spec);
    expect(requests.some(({ source }) => source.startsWith('curl -i "https://api.na.myreports.cloud/api/v1.0/'))).toBe(true);
    expect(requests.some(({ answer }) => (answer as { error?: number } | undefined)?.error === 400)).toBe(true);
  });
});

describe('guideSteps', () => {
  const GUIDE = 'From a token to a collecting PBX';
  const walkthrough = (description: string) => ({ ...spec, tags: [{ name: GUIDE, description }] });

  it("finds a walk-through guide's blocks of one language in the order of the page, indented ones unindented", () => {
    const text = '```sh\nA=1\n```\n\n```ts\nconst a = 1;\n```\n\n1. Then:\n\n   ```sh\n   echo "$A"\n   ```\n';
    expect(guideSteps(walkthrough(text), GUIDE, 'sh')).toEqual(['A=1\n', 'echo "$A"\n']);
    expect(guideSteps(walkthrough(text), GUIDE, 'ts')).toEqual(['const a = 1;\n']);
  });

  it('refuses a guide the spec lacks, rather than finding no step', () => {
    expect(() => guideSteps({ ...spec, tags: [] }, GUIDE, 'sh')).toThrow(`The spec has no guide "${GUIDE}".`);
  });

  it("keeps the walk-through's blocks out of guideShellRequests, which runs each block alone", () => {
    const steps = guideSteps(spec, GUIDE, 'sh');
    expect(steps.length).toBeGreaterThan(0);
    const alone = guideShellRequests(spec).map(({ source }) => source);
    for (const step of steps) expect(alone).not.toContain(step);
  });
});
