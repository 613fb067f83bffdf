import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from './child.js';
import type { Generator } from './generators.js';
import { newerNode } from './node-runtime.js';
import { OUT_DIR, bundledSpec } from './paths.js';

/** Every tool's opt-out of telemetry and update checks that it or its libraries honour. */
export const QUIET_ENV = { DO_NOT_TRACK: '1', KUBB_DISABLE_TELEMETRY: '1', NO_UPDATE_NOTIFIER: '1', CI: '1' };

export interface GenerateResult {
  out: string;
  node: string;
  milliseconds: number;
}

/** Runs `generator` on the bundled spec into a fresh `generated/<name>/`; throws with its output on failure. */
export function generate(generator: Generator): GenerateResult {
  const out = join(OUT_DIR, generator.name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const node = generator.needsNewerNode ? newerNode() : process.execPath;
  const started = performance.now();
  for (const args of generator.args(bundledSpec(), out)) {
    // Run in the output folder: it has no redocly.yaml (openapi-typescript would otherwise read the
    // repository's), and Kubb writes part of its files relative to the working directory.
    const result = runChild(generator.name, node, args, { cwd: out, env: { ...process.env, ...QUIET_ENV } });
    if (result.status !== 0) {
      throw new Error(`${generator.name} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
    }
  }
  return { out, node, milliseconds: performance.now() - started };
}
