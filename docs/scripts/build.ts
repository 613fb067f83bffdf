/**
 * Builds dist/index.html, the self-contained reference page:
 * 1. renders the bundled spec with Redocly's `build-docs --inlineBundle` and our template, while
 * 2. type-checking the TypeScript code samples of the bundled spec, and the TypeScript blocks of
 *    its walk-through guides, against the client package (a sample that does not compile fails the build);
 * 3. inlines the one image Redoc still loads from a CDN, and patches Redoc's sample panel to show
 *    the sample of the request example the reader picks and to space search snippets.
 * Redocly writes into a scratch folder: dist/index.html is replaced only by a complete page, in one
 * rename, so a failed build leaves the last good page (never Redoc's raw one) and a server never
 * sends half of one.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledSpecPath, loadBundledSpec } from '@myreports/pbx-contract';
import { collectCodeSamples, guideModules, samplesIn, typeCheckSamples } from './code-samples.js';
import { inlineRedoclyLogo } from './redocly-logo.js';
import { patchRedoc } from './redoc-patches.js';

const require = createRequire(import.meta.url);
const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(docsDir, 'dist', 'index.html');
const started = performance.now();
mkdirSync(join(docsDir, '.cache'), { recursive: true });
// Next to dist/ (one file system, so the final rename is one step), and gone however the build ends.
const scratch = mkdtempSync(join(docsDir, '.cache', 'page-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const rendered = join(scratch, 'redoc.html');

/** Ends the build with one clear line; dist/index.html stays as it was. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

// Redocly renders in a child process while this one type-checks the samples: the two overlap.
const redocly = spawn(
  process.execPath,
  [
    // The CLI's JS entry with this Node: the .bin wrapper is a shell script.
    require.resolve('@redocly/cli/bin/cli.js'),
    'build-docs',
    bundledSpecPath('openapi.yaml'),
    '--config=redocly.yaml',
    '--template=redoc/template.hbs',
    '--inlineBundle',
    `--output=${rendered}`,
  ],
  { cwd: docsDir, env: { ...process.env, REDOCLY_TELEMETRY: 'off' }, stdio: ['ignore', 'pipe', 'pipe'] },
);
let redoclyOutput = '';
redocly.stdout.on('data', (chunk: Buffer) => (redoclyOutput += chunk.toString()));
redocly.stderr.on('data', (chunk: Buffer) => (redoclyOutput += chunk.toString()));
const redoclyExit = once(redocly, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

const spec = loadBundledSpec();
const typeScriptSamples = samplesIn(collectCodeSamples(spec), 'TypeScript');
const guides = guideModules(spec);
const problems = typeCheckSamples(typeScriptSamples, join(docsDir, '.cache', 'samples'), undefined, guides);
if (problems.length > 0) {
  redocly.kill();
  fail(`The TypeScript code samples do not compile against @myreports/pbx-client:\n${problems.join('\n')}`);
}
console.log(`${typeScriptSamples.length} TypeScript code samples and ${guides.length} guide walk-through(s) compile against @myreports/pbx-client.`);

const [code, signal] = await redoclyExit;
if (code !== 0) fail(`${redoclyOutput}\nredocly build-docs failed (exit ${code ?? signal}).`);

let html: string;
try {
  html = patchRedoc(inlineRedoclyLogo(readFileSync(rendered, 'utf8')));
} catch (error) {
  fail((error as Error).message);
}
if (!html.includes('"disableTelemetry":true')) fail('The page would send telemetry: keep `telemetry: off` in docs/redocly.yaml.');
writeFileSync(join(scratch, 'index.html'), html);
mkdirSync(dirname(output), { recursive: true });
renameSync(join(scratch, 'index.html'), output);

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Built ${relative(process.cwd(), output)}: ${statSync(output).size} bytes in ${seconds} s.`);
