/**
 * Builds dist/index.html, the self-contained reference page:
 * 1. renders the bundled spec with Redocly's `build-docs --inlineBundle` and our template, while
 * 2. type-checking the TypeScript code samples of the bundled spec against the client package
 *    (a sample that does not compile fails the build);
 * 3. inlines the one image Redoc still loads from a CDN, and patches Redoc's sample panel to show
 *    the sample of the request example the reader picks and to space search snippets.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledSpecPath, loadBundledSpec } from '@myreports/pbx-contract';
import { collectCodeSamples, samplesIn, typeCheckSamples } from './code-samples.js';
import { inlineRedoclyLogo } from './redocly-logo.js';
import { patchRedoc } from './redoc-patches.js';

const require = createRequire(import.meta.url);
const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(docsDir, 'dist', 'index.html');
const started = performance.now();

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
    `--output=${output}`,
  ],
  { cwd: docsDir, env: { ...process.env, REDOCLY_TELEMETRY: 'off' }, stdio: ['ignore', 'pipe', 'pipe'] },
);
let redoclyOutput = '';
redocly.stdout.on('data', (chunk: Buffer) => (redoclyOutput += chunk.toString()));
redocly.stderr.on('data', (chunk: Buffer) => (redoclyOutput += chunk.toString()));
const redoclyExit = once(redocly, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

const typeScriptSamples = samplesIn(collectCodeSamples(loadBundledSpec()), 'TypeScript');
const problems = typeCheckSamples(typeScriptSamples, join(docsDir, '.cache', 'samples'));
if (problems.length > 0) {
  redocly.kill();
  console.error(`The TypeScript code samples do not compile against @myreports/pbx-client:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`${typeScriptSamples.length} TypeScript code samples compile against @myreports/pbx-client.`);

const [code, signal] = await redoclyExit;
if (code !== 0) {
  console.error(redoclyOutput);
  console.error(`redocly build-docs failed (exit ${code ?? signal}).`);
  process.exit(1);
}

const html = patchRedoc(inlineRedoclyLogo(readFileSync(output, 'utf8')));
if (!html.includes('"disableTelemetry":true')) {
  console.error('The page would send telemetry: keep `telemetry: off` in docs/redocly.yaml.');
  process.exit(1);
}
// Replaced in one step, so a server never sends a half-written page.
writeFileSync(`${output}.tmp`, html);
renameSync(`${output}.tmp`, output);

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Built ${relative(process.cwd(), output)}: ${statSync(output).size} bytes in ${seconds} s.`);
