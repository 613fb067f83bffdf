// Readers that never read: 1,500 connections on loopback ask for the 2.6 MB page and stop reading
// after its first bytes. The server (the docs CLI, serveDocs in a process of its own, on the built
// page) sends them all the one copy it read, so its memory stays flat instead of a copy each.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { watchOutput } from '@myreports/pbx-fixtures';

const CLI = fileURLToPath(new URL('../lib/cli.js', import.meta.url));
const CONNECTIONS = 1_500;
const MB = 1024 * 1024;

/** Resident memory of a process (Linux /proc), in bytes. */
const rssOf = (pid: number): number => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;

/** A connection that asks for `/` and resolves once the answer has begun; it reads nothing more. */
function stalledReader(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
    socket.once('data', () => (socket.pause(), resolve(socket)));
    socket.once('error', reject);
  });
}

const sockets: Socket[] = [];
const server = spawn(process.execPath, [CLI, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
const output = watchOutput(server);
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  await exited;
});

describe('the docs server under readers that never read', () => {
  it(`keeps its memory within 100 MB over ${CONNECTIONS.toLocaleString('en')} of them`, async () => {
    const url = new URL(await output.until(/http:\/\/\S+/));
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const pageBytes = (await page.arrayBuffer()).byteLength;
    expect(pageBytes).toBeGreaterThan(2 * MB);
    const before = rssOf(server.pid!);

    // In batches: the listen backlog is finite.
    while (sockets.length < CONNECTIONS) sockets.push(...(await Promise.all(Array.from({ length: 100 }, () => stalledReader(Number(url.port))))));

    const grown = rssOf(server.pid!) - before;
    expect(Math.round(grown / MB), `MB grown (a copy of the page each would be ${Math.round((CONNECTIONS * pageBytes) / MB)} MB)`).toBeLessThan(100);
  });
});
