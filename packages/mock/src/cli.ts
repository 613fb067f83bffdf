#!/usr/bin/env node
import { USAGE, parseMockCommand } from './cli-options.js';
import { MockSetupError } from './options.js';

/**
 * `pbx-mock`: the mock (or the validation proxy) in the foreground until Ctrl-C. The engine (Prism)
 * is imported only once the command needs it, so `--help` and option mistakes answer at once.
 */
async function main(): Promise<void> {
  const { command, upstream, options } = parseMockCommand(process.argv.slice(2));
  if (command === 'help') {
    console.log(USAGE);
    return;
  }
  const running =
    command === 'proxy'
      ? await (await import('./start-proxy.js')).startProxy({ ...options, upstream: upstream! })
      : await (await import('./start-mock.js')).startMock(options);
  console.log(
    command === 'proxy'
      ? `Validation proxy on ${running.url} → ${upstream}: send your requests to it; contract violations are reported here.`
      : `Mock of the PBX connection profiles API on ${running.url} (Ctrl-C stops it).`,
  );
  const stop = (): void => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof MockSetupError ? error.message : error);
  process.exit(1);
});
