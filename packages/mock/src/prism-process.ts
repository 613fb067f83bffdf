import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import { MockSetupError } from './options.js';
import { dieWithParentPath, prismEntryPath } from './spec-path.js';

/** Prism's own log levels (`--verboseLevel`). */
export type PrismLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface PrismProcess {
  /** Base URL Prism listens on, e.g. `http://127.0.0.1:43117`. */
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface SpawnPrismOptions {
  /** Prism CLI arguments after the entry and before `--host`/`--port`, e.g. `['mock', spec]`. */
  args: string[];
  host: string;
  /** A free port; `0` picks one here. */
  port: number;
  /** Receives each line Prism prints after it is ready. */
  onLine?: (line: string) => void;
  /** A request Prism answers without logging, used to tell when it is up. Default `GET /`. */
  probe?: { path: string; headers?: Record<string, string> };
  /** Milliseconds to wait for Prism to listen and answer. */
  startTimeoutMs?: number;
}

// Prism colours its output when it thinks it writes to a terminal.
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Runs the real Prism CLI as a child of this process and resolves once it really answers HTTP.
 * The child gets an IPC channel and a preload that exits when the channel closes, so it dies with
 * this process however this process ends.
 */
export async function spawnPrism({ args, host, port: wantedPort, onLine, probe = { path: '/' }, startTimeoutMs = 30_000 }: SpawnPrismOptions): Promise<PrismProcess> {
  // Prism prints "listening" (and its port) only at log level info, which costs throughput: pick
  // the port here and poll it instead.
  const port = await reservablePort(host, wantedPort);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const child = spawn(process.execPath, ['--require', dieWithParentPath(), prismEntryPath(), ...args, '--host', host, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const output: string[] = [];
  let ready = false;
  const lines = (chunk: Buffer): void => {
    for (const raw of chunk.toString('utf8').split('\n')) {
      const line = raw.replace(ANSI, '').trimEnd();
      if (!line) continue;
      if (ready) onLine?.(line);
      else output.push(line);
    }
  };
  child.stdout?.on('data', lines);
  child.stderr?.on('data', lines);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitForAnswer(child, url, probe, output, startTimeoutMs);
    ready = true;
    output.length = 0;
    return { url, port, child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Resolves on Prism's first HTTP answer; rejects if it exits first or takes too long. */
async function waitForAnswer(
  child: ChildProcess,
  url: string,
  probe: NonNullable<SpawnPrismOptions['probe']>,
  output: string[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const how = child.signalCode ?? `exit code ${child.exitCode}`;
      throw new MockSetupError(`Prism exited before answering (${how}). Its output:\n${output.join('\n')}`);
    }
    try {
      const response = await fetch(`${url}${probe.path}`, { headers: probe.headers ?? {}, signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      return;
    } catch {
      if (Date.now() > deadline) {
        throw new MockSetupError(`Prism did not answer on ${url} within ${timeoutMs} ms. Its output:\n${output.join('\n')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * `port` if it is free on `host` right now (any free port for `0`); a clear error otherwise,
 * because polling could not tell Prism from whatever already listens there.
 */
export async function reservablePort(host: string, port: number): Promise<number> {
  const server = createServer();
  try {
    server.listen(port, host);
    await once(server, 'listening');
  } catch (error) {
    throw listenError(error, host, port);
  }
  const bound = (server.address() as AddressInfo).port;
  server.close();
  await once(server, 'close');
  return bound;
}

/** The setup error for a failed `listen`, naming the port and what to do. */
export function listenError(error: unknown, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new MockSetupError(`Port ${port} on ${host} is already in use: stop what uses it or choose another port (0 picks a free one).`);
  }
  if (code === 'EACCES') {
    return new MockSetupError(`Port ${port} on ${host} needs privileges: choose a port above 1023 (0 picks a free one).`);
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new MockSetupError(`Cannot listen on ${host}: no such address on this machine.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
