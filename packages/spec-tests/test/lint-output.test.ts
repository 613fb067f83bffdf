// What a maintainer reads from `npm run lint` when a house rule fails: the spec's problem and how to
// fix it, and no advice to silence it in an ignore file.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SpecCopy } from './support/spec-copy.js';

const run = promisify(execFile);
const lintScript = resolve(fileURLToPath(import.meta.url), '../../../../spec/lint/lint.js');

/** The spec package's lint script, run in a copy of the spec. */
async function lint(spec: SpecCopy): Promise<{ code: number; output: string }> {
  const options = { cwd: join(spec.dir, 'spec'), env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' } };
  try {
    const { stdout, stderr } = await run(process.execPath, [lintScript], options);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

describe('npm run lint', () => {
  it('names the broken house rule and what to do, and never suggests an ignore file', async () => {
    const spec = new SpecCopy().mutate('resources/pbx-connection-profiles/findPbxConnectionProfileByInstance.yaml', 'operationId: findPbxConnectionProfileByInstance', 'operationId: find_pbx_by_instance');
    try {
      const { code, output } = await lint(spec);
      expect(output).toContain('rule/operation-id-camel-case');
      expect(output).toContain('Every operation needs an operationId in camelCase');
      expect(output).toMatch(/Validation failed with \d+ errors?/);
      expect(output).not.toContain('ignore file');
      expect(code).toBe(1);
    } finally {
      spec.remove();
    }
  });
});
