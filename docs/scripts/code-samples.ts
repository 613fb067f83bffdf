import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { type Example, type OpenApiDocument, listOperations } from '@myreports/pbx-contract';

/** Where the samples are written (`spec/resources/<resource>/code-samples/<language>/`); messages name files from the repository root. */
export const RESOURCES_DIR = fileURLToPath(new URL('../../spec/resources/', import.meta.url));
const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The languages every operation shows, as `x-codeSamples` labels them. */
export const SAMPLE_LANGUAGES = ['curl', 'TypeScript'] as const;
export type SampleLanguage = (typeof SAMPLE_LANGUAGES)[number];

export interface CodeSample {
  operationId: string;
  method: string;
  path: string;
  lang: string;
  label: string | undefined;
  source: string;
  /**
   * The request example this sample sends: the n-th sample of a language goes with the n-th
   * request example (the docs show it when the reader picks that example). Undefined for an
   * operation without request examples.
   */
  example: Example | undefined;
}

interface XCodeSample {
  lang: string;
  label?: string;
  source: string;
}

/** Every `x-codeSamples` entry of the document, with the operation and `application/json` request example it belongs to. */
export function collectCodeSamples(spec: OpenApiDocument): CodeSample[] {
  return listOperations(spec).flatMap(({ operationId, method, path, object, request }) => {
    const examples = request['application/json']?.examples ?? [];
    const seen = new Map<string, number>();
    return ((object['x-codeSamples'] ?? []) as XCodeSample[]).map(({ lang, label, source }) => {
      const index = seen.get(lang) ?? 0;
      seen.set(lang, index + 1);
      return { operationId, method, path, lang, label, source, example: examples[index] };
    });
  });
}

/** A name for the sample in messages and test titles: the operation, and the example when there are several. */
export const sampleName = (sample: CodeSample): string =>
  sample.example ? `${sample.operationId} (${sample.example.summary})` : sample.operationId;

export const samplesIn = (samples: CodeSample[], lang: SampleLanguage): CodeSample[] =>
  samples.filter((sample) => sample.lang === lang);

/** The compiler options the samples must pass: the repository's strict settings, as a reader's project would use. */
const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * The file under `spec/resources/<resource>/code-samples/` that holds this source (the bundled spec
 * inlines the text and forgets the file), relative to the repository root; undefined when no file has it.
 */
export function sampleFile(source: string, resourcesDir = RESOURCES_DIR): string | undefined {
  for (const resource of readdirSync(resourcesDir)) {
    const samplesDir = join(resourcesDir, resource, 'code-samples');
    if (!existsSync(samplesDir)) continue;
    for (const language of readdirSync(samplesDir)) {
      for (const name of readdirSync(join(samplesDir, language))) {
        const file = join(samplesDir, language, name);
        if (readFileSync(file, 'utf8') === source) return relative(REPOSITORY_ROOT, file);
      }
    }
  }
  return undefined;
}

/** A walk-through guide's TypeScript blocks as the one module they make (see `guideSteps`). */
export interface GuideModule {
  guide: string;
  source: string;
}

/** The module of each walk-through guide, to type-check beside the samples. */
export const guideModules = (spec: OpenApiDocument): GuideModule[] =>
  WALKTHROUGH_GUIDES.map((guide) => ({ guide, source: guideSteps(spec, guide, 'ts').join('\n') }));

/**
 * Type-checks each TypeScript sample, and each guide's module, as its own module against the
 * installed client package.
 * `dir` must sit inside the repository (module resolution finds `@myreports/pbx-client` from there)
 * and under a `package.json` with `"type": "module"` (the samples use top-level await).
 * Returns one message per error, `file:line:column: message (TypeScript sample of operation)`, the
 * file being the sample's own under `spec/resources/<resource>/code-samples/` (where to fix it), or
 * for a guide its name and the line of its module; an empty list means every sample compiles.
 */
export function typeCheckSamples(samples: CodeSample[], dir: string, resourcesDir = RESOURCES_DIR, guides: GuideModule[] = []): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, { shownAs: string; what: string }>();
  const add = (name: string, source: string, origin: { shownAs: string; what: string }): void => {
    const file = join(dir, name);
    if (files.has(file)) throw new Error(`Two TypeScript samples would compile as ${file}: ${origin.what}.`);
    writeFileSync(file, source);
    files.set(file, origin);
  };
  samples.forEach((sample, index) => {
    const origin = sampleFile(sample.source, resourcesDir);
    // Compiled under the name of its own file, so the module name and the message match it.
    const name = origin ? basename(origin) : `${sample.operationId}.${index}.ts`;
    add(name, sample.source, { shownAs: origin ?? `x-codeSamples of ${sampleName(sample)}`, what: `TypeScript sample of ${sampleName(sample)}` });
  });
  guides.forEach(({ guide, source }, index) =>
    add(`guide.${index}.ts`, source, { shownAs: `the guide "${guide}"`, what: 'its TypeScript blocks as one module, line by line' }),
  );
  const program = ts.createProgram([...files.keys()], COMPILER_OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const origin = diagnostic.file && files.get(diagnostic.file.fileName);
    if (!diagnostic.file || !origin) return text;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    return `${origin.shownAs}:${line + 1}:${character + 1}: ${text} (${origin.what})`;
  });
}

/**
 * The shell blocks of the guides, each with the answer the guide prints for it: a `json` block right
 * after it (blank lines between), or none.
 */
export function guideShellRequests(spec: OpenApiDocument): { source: string; answer: unknown }[] {
  const pair = /^([ \t]*)```sh[ \t]*\n([\s\S]*?)^\1```[ \t]*\n(?:[ \t]*\n)*(?:\1```json[ \t]*\n([\s\S]*?)^\1```)?/gm;
  return guideTexts(spec).flatMap((text) =>
    [...text.matchAll(pair)].map(([, indent = '', body = '', answer]) => ({
      source: unindent(body, indent),
      answer: answer === undefined ? undefined : (JSON.parse(unindent(answer, indent)) as unknown),
    })),
  );
}

/**
 * The guides (by tag name) whose blocks are the steps of one walk-through: each block uses what the
 * blocks before it made (shell variables, TypeScript constants), so they run in order as one shell
 * script and one module (`guideSteps`), never alone as `guideShellRequests` runs the others' blocks.
 */
export const WALKTHROUGH_GUIDES = ['From a token to a collecting PBX'] as const;
export type WalkthroughGuide = (typeof WALKTHROUGH_GUIDES)[number];

/** A walk-through guide's `sh` or `ts` blocks, in the order of the page; an unknown guide is an error. */
export function guideSteps(spec: OpenApiDocument, guide: WalkthroughGuide, language: 'sh' | 'ts'): string[] {
  const tag = ((spec['tags'] ?? []) as { name: string; description?: string }[]).find(({ name }) => name === guide);
  if (!tag?.description) throw new Error(`The spec has no guide "${guide}".`);
  const block = new RegExp(`^([ \\t]*)\`\`\`${language}[ \\t]*\\n([\\s\\S]*?)^\\1\`\`\``, 'gm');
  return [...tag.description.matchAll(block)].map(([, indent = '', body = '']) => unindent(body, indent));
}

/** The Markdown of the guides whose blocks run alone: the intro and every tag's description but the walk-throughs'. */
function guideTexts(spec: OpenApiDocument): string[] {
  const info = spec['info'] as { description?: string };
  const tags = (spec['tags'] ?? []) as { name: string; description?: string }[];
  const alone = tags.filter(({ name }) => !(WALKTHROUGH_GUIDES as readonly string[]).includes(name));
  return [info.description ?? '', ...alone.map((tag) => tag.description ?? '')];
}

const unindent = (body: string, indent: string): string =>
  body
    .split('\n')
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
