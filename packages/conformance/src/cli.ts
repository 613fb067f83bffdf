#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { CommandLineError, USAGE, parseConformanceCommand } from './cli-options.js';
import { passed } from './core/report.js';
import { type Progress, UsageError, runConformance } from './core/run.js';
import { junitXml } from './report/junit.js';
import { terminalSummary } from './report/terminal.js';

/** `pbx-conformance`: exit 0 when every property holds, 1 when one fails, 2 on a usage error, 130 when interrupted. */
async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseConformanceCommand(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CommandLineError) return usage(error.message);
    throw error;
  }
  if (parsed.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const abort = new AbortController();
  const interrupt = (): void => {
    if (abort.signal.aborted) return;
    process.stderr.write('\nInterrupted: deleting what this run created, then stopping (Ctrl-C again to leave at once).\n');
    abort.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  let report;
  try {
    report = await runConformance({
      ...parsed.options,
      signal: abort.signal,
      log: (line) => process.stderr.write(`${line}\n`),
      ...(parsed.quiet ? {} : { onProgress: progressPrinter() }),
    });
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  console.log(terminalSummary(report));
  if (parsed.reports.json) writeFileSync(parsed.reports.json, `${JSON.stringify(report, null, 2)}\n`);
  if (parsed.reports.junit) writeFileSync(parsed.reports.junit, junitXml(report));
  if (report.interrupted) return 130;
  return passed(report) ? 0 : 1;
}

function usage(message: string): number {
  console.error(`pbx-conformance: ${message}\nSee pbx-conformance --help.`);
  return 2;
}

/** Progress on standard error: a rewritten line on a terminal, a line every 10 s otherwise (CI logs). */
function progressPrinter(): (progress: Progress) => void {
  const tty = process.stderr.isTTY;
  let last = 0;
  return ({ phase, run, of, requests }) => {
    const now = Date.now();
    if (!tty && now - last < 10_000 && phase !== 'cleanup') return;
    last = now;
    const text = phase === 'runs' ? `run ${run}/${of}` : phase === 'shrinking' ? `shrinking a failure (attempt ${run})` : phase === 'rows' ? 'invalid rows' : 'cleanup';
    process.stderr.write(tty ? `\r\x1b[K${text}, ${requests} requests${phase === 'cleanup' ? '\r\x1b[K' : ''}` : `${text}, ${requests} requests\n`);
  };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
