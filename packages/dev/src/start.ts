#!/usr/bin/env node
import { MockSetupError, USAGE, parseMockCommand } from '@myreports/pbx-mock';
import { docsPortFor, docsService } from './docs-service.js';
import { mockService } from './mock-service.js';
import { describeStack, startStack } from './stack.js';

/**
 * `npm start` (after the build): the local stack in the foreground until Ctrl-C. Takes the mock's
 * options (`npm start -- --port 4020`, or PBX_MOCK_* variables); the docs listen on the next port.
 */
async function main(): Promise<void> {
  const { command, options } = parseMockCommand(process.argv.slice(2));
  if (command === 'help') {
    console.log(USAGE.replace('pbx-mock [options] ', 'npm start -- [options]'));
    return;
  }
  if (command !== 'mock') throw new MockSetupError('npm start runs the local stack; for the validation proxy run `npx pbx-mock proxy <upstream>`.');

  const stack = await startStack([
    mockService(options),
    docsService({ ...(options.host === undefined ? {} : { host: options.host }), port: docsPortFor(options.port) }),
  ]);
  const stop = (): void => {
    console.log('\nStopping…');
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  // Ctrl-C, `kill`, a closed terminal: each stops every service; a second signal does not wait.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const other of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(other, () => process.exit(1));
      stop();
    });
  }
  // The banner last: whoever reads it may signal at once, and the handlers are in place by then.
  console.log(describeStack(stack.services));
}

main().catch((error: unknown) => {
  console.error(error instanceof MockSetupError ? error.message : error);
  process.exit(1);
});
