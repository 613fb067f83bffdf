/**
 * Builds dist/index.html, the self-contained reference page:
 * 1. type-checks the TypeScript code samples of the bundled spec against the client package
 *    (a sample that does not compile fails the build);
 * 2. renders the bundled spec with Redocly's `build-docs --inlineBundle` and our template;
 * 3. inlines the one image Redoc still loads from a CDN.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledSpecPath, loadBundledSpec } from '@myreports/pbx-fixtures';
import { collectCodeSamples, samplesIn, typeCheckSamples } from './code-samples.js';
import { inlineRedoclyLogo } from './redocly-logo.js';

const require = createRequire(import.meta.url);
const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(docsDir, 'dist', 'index.html');
const started = performance.now();

const typeScriptSamples = samplesIn(collectCodeSamples(loadBundledSpec()), 'TypeScript');
const problems = typeCheckSamples(typeScriptSamples, join(docsDir, '.cache', 'samples'));
if (problems.length > 0) {
  console.error(`The TypeScript code samples do not compile against @myreports/pbx-client:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`${typeScriptSamples.length} TypeScript code samples compile against @myreports/pbx-client.`);

// The CLI's JS entry with this Node: the .bin wrapper is a shell script, and this keeps one runtime.
const redocly = spawnSync(
  process.execPath,
  [
    require.resolve('@redocly/cli/bin/cli.js'),
    'build-docs',
    bundledSpecPath('openapi.yaml'),
    '--config=redocly.yaml',
    '--template=redoc/template.hbs',
    '--inlineBundle',
    `--output=${output}`,
  ],
  { cwd: docsDir, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
);
if (redocly.status !== 0) {
  console.error(redocly.stdout, redocly.stderr);
  console.error(`redocly build-docs failed (exit ${redocly.status ?? redocly.signal}).`);
  process.exit(1);
}

const html = inlineRedoclyLogo(readFileSync(output, 'utf8'));
if (!html.includes('"disableTelemetry":true')) {
  console.error('The page would send telemetry: keep `telemetry: off` in docs/redocly.yaml.');
  process.exit(1);
}
writeFileSync(output, html);

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Built ${relative(process.cwd(), output)}: ${statSync(output).size} bytes in ${seconds} s.`);
