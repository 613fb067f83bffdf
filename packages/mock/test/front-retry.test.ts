import { once } from 'node:events';
import { type Socket, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Internal modules, tested directly: the race needs an upstream that misbehaves on purpose.
import { type FrontServer, startFront } from '../dist/front-server.js';
import { loadSpecDocument } from '../dist/spec-document.js';

/**
 * An upstream that answers the first request of each connection (announcing keep-alive) and drops
 * the connection without answering at the second: what the front sees when Prism closes an idle
 * socket just as it is reused.
 */
function droppingUpstream() {
  const server = createServer((socket: Socket) => {
    let requests = 0;
    socket.on('data', () => {
      requests += 1;
      if (requests === 1) {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\n{}');
      } else {
        socket.destroy();
      }
    });
  });
  return server;
}

describe('front server and a kept-alive socket closed by Prism', () => {
  const upstream = droppingUpstream();
  let front: FrontServer;

  beforeAll(async () => {
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    const port = (upstream.address() as { port: number }).port;
    front = await startFront({ prismUrl: `http://127.0.0.1:${port}`, host: '127.0.0.1', port: 0, spec: loadSpecDocument(), mode: 'mock', dynamic: false });
  });
  afterAll(async () => {
    await front?.close();
    upstream.close();
  });

  it('retries on a fresh connection instead of answering 502', async () => {
    const first = await fetch(`${front.url}/v1.0/pbxs?instanceId=a`);
    expect(first.status).toBe(200);
    // Reuses the pooled socket, which the upstream drops: the front must retry.
    const second = await fetch(`${front.url}/v1.0/pbxs?instanceId=b`);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({});
  });
});
