import type { ConformanceReport } from '../core/report.js';
import { TOKEN_VARIABLE } from '../core/curl.js';

const MARK = { held: 'ok  ', failed: 'FAIL', 'not-checked': '--  ' } as const;

/** The summary a person reads: each property, each failure with its shrunk sequence, cleanup. */
export function terminalSummary(report: ConformanceReport, replay = 'pbx-conformance'): string {
  const lines: string[] = [];
  const target = report.inProcess ? 'the in-process twin' : report.target;
  lines.push(`${report.resource} on ${target}: ${report.runs} run(s), ${report.requests} request(s), ${(report.durationMs / 1000).toFixed(1)} s, seed ${report.seed}`);
  for (const property of report.properties) {
    const detail = property.status === 'not-checked' ? 'not checked' : `${property.checks} check(s)`;
    lines.push(`  ${MARK[property.status]} ${property.name} (${detail}): ${property.description}`);
  }
  for (const note of report.notes) lines.push(`  note: ${note}`);
  for (const failure of report.failures) {
    lines.push('', `FAILED ${failure.property}: ${failure.message}`);
    if (failure.commands.length > 0) lines.push(`  Smallest failing sequence (${failure.commands.length} command(s)): ${failure.commands.join(' → ')}`);
    if (failure.curl.length > 0) {
      lines.push(`  Its requests (token in $${TOKEN_VARIABLE}, secrets <redacted>):`);
      for (const curl of failure.curl) lines.push(`    ${curl}`);
    }
    if (failure.path !== undefined) lines.push(`  Replay exactly: ${replay} … --seed ${failure.seed} --path '${failure.path}'`);
  }
  if (report.cleanup.deleted.length > 0 || report.cleanup.leftover.length > 0) {
    lines.push('', `Cleanup: ${report.cleanup.deleted.length} created profile(s) deleted.`);
    for (const { id, reason } of report.cleanup.leftover) lines.push(`  NOT deleted: ${id} (${reason}); delete it yourself.`);
  }
  if (report.interrupted) lines.push('', 'Interrupted: the run stopped before the end.');
  lines.push('', report.failures.length === 0 && !report.interrupted ? 'Every property checked held.' : `${report.failures.length} propert${report.failures.length === 1 ? 'y' : 'ies'} failed.`);
  return lines.join('\n');
}
