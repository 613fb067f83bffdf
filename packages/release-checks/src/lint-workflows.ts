// npm run lint:workflows: every workflow file against the published GitHub workflow schema
// (action-validator), then the house rules of workflows.ts (pinned actions, no untrusted input in shell).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workflowProblems } from './workflows.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const folder = join(root, '.github', 'workflows');
const validator = join(root, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
const files = readdirSync(folder).filter((file) => /\.ya?ml$/.test(file)).map((file) => join(folder, file));

let failed = 0;
if (files.length === 0) {
  console.error(`No workflow in ${relative(root, folder)}.`);
  failed += 1;
}
for (const file of files) {
  const name = relative(root, file);
  const schema = spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
  const problems = workflowProblems(readFileSync(file, 'utf8'));
  if (schema.status === 0 && problems.length === 0) {
    console.log(`ok   ${name}`);
    continue;
  }
  failed += 1;
  console.log(`FAIL ${name}`);
  if (schema.status !== 0) console.log(`${schema.stdout}${schema.stderr}`.trim().replace(/^/gm, '     '));
  for (const problem of problems) console.log(`     ${name}:${problem.line}: ${problem.message}`);
}
process.exitCode = failed === 0 ? 0 : 1;
