import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { OpenApiDocument } from '@myreports/pbx-fixtures';

const run = promisify(execFile);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const specRoot = join(repoRoot, 'spec');
const redocly = join(repoRoot, 'node_modules/@redocly/cli/bin/cli.js');

export interface LintResult {
  exitCode: number;
  /** Rule ids that reported, e.g. `rule/profile-type-const`. */
  rules: string[];
  output: string;
}

/**
 * A throwaway copy of the spec sources and lint config, for tests that prove a rule or a schema
 * constraint bites by breaking it on purpose.
 */
export class SpecCopy {
  readonly dir = mkdtempSync(join(tmpdir(), 'pbx-spec-'));

  constructor() {
    cpSync(specRoot, join(this.dir, 'spec'), {
      recursive: true,
      filter: (source) => !/[/\\](dist|node_modules)$/.test(source),
    });
    cpSync(join(repoRoot, 'redocly.yaml'), join(this.dir, 'redocly.yaml'));
  }

  /** Replaces the first `search` in a spec file; throws if it is absent, so a stale mutation cannot pass silently. */
  mutate(file: string, search: string, replacement: string): this {
    const path = join(this.dir, 'spec', file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(search)) throw new Error(`${file} does not contain ${JSON.stringify(search)}`);
    writeFileSync(path, text.replace(search, replacement));
    return this;
  }

  /** Copies a spec file to another path (its folders made), to prove that a misplaced file is caught. */
  copy(file: string, to: string): this {
    const target = join(this.dir, 'spec', to);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(this.dir, 'spec', file), target);
    return this;
  }

  async lint(): Promise<LintResult> {
    try {
      const { stdout, stderr } = await this.redocly(['lint', '--format', 'json']);
      return parseLint(0, stdout, stderr);
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return parseLint(failure.code, failure.stdout, failure.stderr);
    }
  }

  async bundle(): Promise<OpenApiDocument> {
    const out = join(this.dir, 'bundle.json');
    await this.redocly(['bundle', 'pbx', '--ext', 'json', '-o', out]);
    return JSON.parse(readFileSync(out, 'utf8')) as OpenApiDocument;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private redocly(args: string[]) {
    return run(process.execPath, [redocly, ...args], {
      cwd: this.dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 32 * 1024 * 1024,
    });
  }
}

function parseLint(exitCode: number, stdout: string, stderr: string): LintResult {
  const start = stdout.indexOf('{');
  const report = start >= 0 ? (JSON.parse(stdout.slice(start)) as { problems: { ruleId: string }[] }) : { problems: [] };
  return { exitCode, rules: [...new Set(report.problems.map((problem) => problem.ruleId))], output: stdout + stderr };
}
