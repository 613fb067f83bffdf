// Prints a comparison as plain sentences, each change once with the operations it touches.
import type { Change } from './change.js';
import type { Report } from './compare.js';

export function formatReport(report: Report, base: string): string {
  const lines: string[] = [`Spec changes since ${base}:`, ''];
  section(lines, 'Breaking changes', report.breaking);
  section(lines, 'Non-breaking changes', report.nonBreaking);
  section(lines, 'Changes to review by hand (not classified)', report.unclassified);
  if (report.documentation > 0) lines.push(`Documentation-only edits (descriptions, examples, titles): ${report.documentation}.`, '');
  if (report.breaking.length + report.nonBreaking.length + report.unclassified.length + report.documentation === 0) {
    lines.push('No change to the API contract.', '');
  }
  return lines.join('\n');
}

function section(lines: string[], title: string, changes: Change[]): void {
  if (changes.length === 0) return;
  const byWhat = new Map<string, string[]>();
  for (const change of changes) byWhat.set(change.what, [...(byWhat.get(change.what) ?? []), change.where]);
  lines.push(`${title} (${byWhat.size}):`);
  for (const [what, wheres] of byWhat) {
    lines.push(`  - ${what}`);
    for (const where of wheres) lines.push(`      ${where}`);
  }
  lines.push('');
}
