import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { bundledSpecPath } from '@myreports/pbx-contract';

/**
 * Bare `prism mock` on the bundled spec, a stateless mock: its CLI's JavaScript entry under this
 * Node, on a free loopback port (`-p 0`), ready once it prints where it listens.
 */
export async function startBarePrism(): Promise<{ url: string; stop(): Promise<void> }> {
  const cli = createRequire(import.meta.url).resolve('@stoplight/prism-cli');
  const child: ChildProcess = spawn(process.execPath, [cli, 'mock', bundledSpecPath('openapi.yaml'), '-h', '127.0.0.1', '-p', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
  };
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = /Prism is listening on (http:\/\/\S+)/.exec(output);
      if (found) resolve(found[1]!);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`prism mock exited (${code}) before listening:\n${output}`)));
  });
  return { url, stop };
}
