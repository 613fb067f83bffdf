/**
 * `npm run bench` in docs/: what the self-contained, tested page costs over Redocly's default build.
 * Baseline: `redocly build-docs` as it comes (the page loads Redoc from Redocly's CDN). Ours: the
 * docs build (TypeScript samples type-checked, Redoc inlined, the CDN logo inlined). Rounds
 * alternate the two so that load from other work hits both alike; the medians and their ratio print.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledSpecPath } from '@myreports/pbx-fixtures';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const require = createRequire(import.meta.url);
const docsDir = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'pbx-docs-bench-'));
const baselinePage = join(scratch, 'cdn.html');
const ourPage = join(docsDir, 'dist', 'index.html');

function timed(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: docsDir, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return performance.now() - started;
}

const baseline = (): number =>
  timed([require.resolve('@redocly/cli/bin/cli.js'), 'build-docs', bundledSpecPath('openapi.yaml'), '--config=redocly.yaml', `--output=${baselinePage}`]);
const ours = (): number => timed(['--import', 'tsx', 'scripts/build.ts']);

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const times = { baseline: [] as number[], ours: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  times.baseline.push(baseline());
  times.ours.push(ours());
}
const [b, o] = [median(times.baseline), median(times.ours)];
console.log(`docs build, median of ${ROUNDS} alternating rounds`);
console.log(`  redocly build-docs (CDN page, baseline): ${(b / 1000).toFixed(2)} s, ${statSync(baselinePage).size} bytes`);
console.log(`  docs build (samples type-checked, inlined): ${(o / 1000).toFixed(2)} s, ${statSync(ourPage).size} bytes`);
console.log(`  time ratio ours/baseline: ${(o / b).toFixed(2)}x; page weight ratio: ${(statSync(ourPage).size / statSync(baselinePage).size).toFixed(1)}x`);
rmSync(scratch, { recursive: true, force: true });
