// House rules for GitHub workflow files that a schema cannot express.

export interface WorkflowProblem {
  line: number;
  message: string;
}

const USES = /^\s*(?:-\s*)?uses:\s*(?<target>[^\s#]+)\s*(?:#\s*(?<comment>.*))?$/;
const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const VERSION_COMMENT = /^v\d+(\.\d+){0,2}\b/;
// Expressions whose value an outside contributor controls; inside `run:` they become shell code.
const UNTRUSTED = /\$\{\{[^}]*\b(github\.event\.(pull_request\.(title|body|head\.ref)|issue\.(title|body)|comment\.body|review\.body|head_commit\.message)|github\.head_ref)\b/;

export function workflowProblems(text: string): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  let inRun = false;
  let runIndent = 0;
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const indent = raw.length - raw.trimStart().length;
    if (inRun && raw.trim() !== '' && indent <= runIndent) inRun = false;
    const run = /^(\s*)(?:-\s*)?run:\s*(.*)$/.exec(raw);
    if (run) {
      inRun = true;
      runIndent = indent;
    }
    if ((run || inRun) && UNTRUSTED.test(raw)) {
      problems.push({ line, message: 'untrusted input expanded inside `run:`; pass it through `env:` and quote the variable' });
    }
    const uses = USES.exec(raw);
    if (!uses?.groups) return;
    const { target = '', comment } = uses.groups;
    if (target.startsWith('./') || target.startsWith('docker://')) return;
    if (!PINNED.test(target)) {
      problems.push({ line, message: `\`${target}\` is not pinned to a full commit SHA (owner/repo@<40 hex digits>)` });
    } else if (!comment || !VERSION_COMMENT.test(comment.trim())) {
      problems.push({ line, message: `\`${target}\` needs a version comment after the SHA, e.g. \`# v4.2.2\`` });
    }
  });
  return problems;
}
