// What the benchmarks need around the servers they spawn: a free port, waiting until one answers,
// its resident memory, and request headers as autocannon wants them.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A port nothing listens on right now. */
export async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once `url` answers 200 to a GET with a bearer token; after 60 s, throws naming `label`. */
export async function untilAnswering(url, label, pollMs = 200) {
  for (const deadline = Date.now() + 60_000; ; await new Promise((resolve) => setTimeout(resolve, pollMs))) {
    try {
      if ((await fetch(url, { headers: { authorization: 'Bearer ready' } })).status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${label} did not start`);
  }
}

/** Resident memory (VmRSS) of the process `pid`, in MB. Linux only (/proc). */
export const rssMb = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** `headers` with lower-case names, as autocannon sends them. */
export const lowerCaseHeaders = (headers) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
