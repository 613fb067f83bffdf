import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workflowProblems } from '../src/workflows.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const workflows = join(root, '.github', 'workflows');
const validator = join(root, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
const sha = '11bd71901bbe5b1630ceea73d27597364c9af683';

describe('house rules for workflows', () => {
  it.each([
    { line: `      - uses: actions/checkout@${sha} # v4.2.2`, problem: undefined },
    { line: `      - uses: ./.github/actions/local`, problem: undefined },
    { line: `      - uses: actions/checkout@v4`, problem: 'not pinned to a full commit SHA' },
    { line: `      - uses: actions/checkout@${sha.slice(0, 7)} # v4.2.2`, problem: 'not pinned to a full commit SHA' },
    { line: `      - uses: actions/checkout@${sha}`, problem: 'needs a version comment' },
    { line: `      - uses: actions/checkout@${sha} # latest`, problem: 'needs a version comment' },
    { line: '      - run: echo "${{ github.event.pull_request.title }}"', problem: 'untrusted input' },
    { line: '      - run: |\n          git log\n          echo ${{ github.head_ref }}', problem: 'untrusted input' },
    { line: '      - env:\n          TITLE: ${{ github.event.pull_request.title }}\n        run: echo "$TITLE"', problem: undefined },
  ])('$line', ({ line, problem }) => {
    const found = workflowProblems(`jobs:\n  a:\n    steps:\n${line}\n`);
    if (problem === undefined) expect(found).toEqual([]);
    else expect(found.map((entry) => entry.message).join('\n')).toContain(problem);
  });

  it('holds for the repository workflows', () => {
    const files = readdirSync(workflows).filter((file) => file.endsWith('.yml'));
    expect(files).toEqual(expect.arrayContaining(['pull-request.yml', 'docs.yml']));
    for (const file of files) expect(workflowProblems(readFileSync(join(workflows, file), 'utf8')), file).toEqual([]);
  });
});

describe('schema check (action-validator)', () => {
  const validate = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'workflow-'));
    try {
      writeFileSync(join(dir, 'workflow.yml'), text);
      return spawnSync(process.execPath, [validator, join(dir, 'workflow.yml')], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('accepts the pull-request workflow and rejects it with a misspelt key', () => {
    const workflow = readFileSync(join(workflows, 'pull-request.yml'), 'utf8');
    expect(validate(workflow).status).toBe(0);
    const broken = validate(workflow.replace('    runs-on: ubuntu-24.04', '    runs_on: ubuntu-24.04'));
    expect(broken.status).not.toBe(0);
    expect(broken.stdout + broken.stderr).toContain("Additional property 'runs_on' is not allowed");
  });
});
