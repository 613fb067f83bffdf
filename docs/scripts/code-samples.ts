import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { HTTP_METHODS, type OpenApiDocument } from '@myreports/pbx-contract';

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
}

interface XCodeSample {
  lang: string;
  label?: string;
  source: string;
}

/** Every `x-codeSamples` entry of the document, with the operation it belongs to. */
export function collectCodeSamples(spec: OpenApiDocument): CodeSample[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => method in item).flatMap((method) => {
      const operation = item[method] as { operationId: string; 'x-codeSamples'?: XCodeSample[] };
      return (operation['x-codeSamples'] ?? []).map(({ lang, label, source }) => ({
        operationId: operation.operationId,
        method,
        path,
        lang,
        label,
        source,
      }));
    }),
  );
}

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
 * Type-checks each TypeScript sample as its own module against the installed client package.
 * `dir` must sit inside the repository (module resolution finds `@myreports/pbx-client` from there)
 * and under a `package.json` with `"type": "module"` (the samples use top-level await).
 * Returns one message per error, naming the operation; an empty list means every sample compiles.
 */
export function typeCheckSamples(samples: CodeSample[], dir: string): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, string>();
  for (const sample of samples) {
    const file = join(dir, `${sample.operationId}.ts`);
    if (files.has(file)) throw new Error(`${sample.operationId} has more than one TypeScript sample.`);
    writeFileSync(file, sample.source);
    files.set(file, sample.operationId);
  }
  const program = ts.createProgram([...files.keys()], COMPILER_OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file) return text;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const operation = files.get(diagnostic.file.fileName) ?? diagnostic.file.fileName;
    return `TypeScript sample of ${operation}, line ${line + 1}:${character + 1}: ${text}`;
  });
}

/** Fenced code blocks of one language (```sh, ```ts) in the guides: info and tag descriptions. */
export function guideCodeBlocks(spec: OpenApiDocument, language: string): string[] {
  const info = spec['info'] as { description?: string };
  const tags = (spec['tags'] ?? []) as { description?: string }[];
  const texts = [info.description ?? '', ...tags.map((tag) => tag.description ?? '')];
  const fence = new RegExp('^([ \\t]*)```' + language + '[ \\t]*\\n([\\s\\S]*?)^\\1```[ \\t]*$', 'gm');
  return texts.flatMap((text) =>
    [...text.matchAll(fence)].map(([, indent = '', body = '']) =>
      body
        .split('\n')
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
        .join('\n'),
    ),
  );
}
