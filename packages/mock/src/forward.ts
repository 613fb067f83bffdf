import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type EngineAnswer, type EngineInput, type ForwardFunction, ProxyFailure } from './prism-engine.js';
import { REFUSALS } from './refusals.js';

export interface ForwardOptions {
  /** The one origin requests go to, with its base path: `https://staging.example.com/api`. */
  upstream: URL;
  /** No answer within this many milliseconds: 504. */
  timeoutMs: number;
  /** Largest upstream answer body kept for validation, in bytes; larger: 502. */
  bodyLimit: number;
}

// Hop-by-hop headers belong to each connection (RFC 9110 section 7.6.1), not to the exchange.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', 'content-length'];

/**
 * Sends each request to the upstream only. Redirects are answers like any other, passed back to the
 * client, never followed (following one would send `Authorization` and the body to wherever it
 * points). A reset, a short body or a protocol switch (101) fails at once with 502; silence past the
 * timeout, 504.
 */
export function createForward(options: ForwardOptions): ForwardFunction {
  const send = options.upstream.protocol === 'https:' ? httpsRequest : httpRequest;
  const basePath = options.upstream.pathname.replace(/\/$/, '');

  return (input: EngineInput) =>
    new Promise<EngineAnswer>((resolve, reject) => {
      // As the client sent them (`sent`): the upstream must see the bytes the proxy reports on, not a
      // re-serialisation (spacing, `1.0`, a duplicate key, `%20` in the query, the `bearer` scheme would change).
      const { sent } = input;
      if (!sent) throw new TypeError('The proxy forwards a request as it was sent: the engine input lacks `sent`.');
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(sent.headers)) if (value !== undefined && !HOP_BY_HOP.includes(name)) headers[name] = value;
      const body = sent.body.length > 0 ? sent.body : undefined;
      if (body !== undefined) headers['content-length'] = String(body.length);

      const outgoing = send(
        {
          protocol: options.upstream.protocol,
          hostname: options.upstream.hostname,
          port: options.upstream.port,
          method: input.method,
          path: `${basePath}${input.path}${sent.search}`,
          headers,
        },
        (answer) => {
          const chunks: Buffer[] = [];
          let size = 0;
          answer.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > options.bodyLimit) {
              // Rejected first: destroying the answer emits 'aborted' at once, which would name the wrong cause.
              reject(new ProxyFailure(REFUSALS.upstreamTooLarge(options.bodyLimit)));
              answer.destroy();
              return;
            }
            chunks.push(chunk);
          });
          answer.on('aborted', () => reject(new ProxyFailure(REFUSALS.upstreamCutShort())));
          answer.on('error', () => reject(new ProxyFailure(REFUSALS.upstreamCutShort())));
          answer.on('end', () => {
            if (!answer.complete) {
              reject(new ProxyFailure(REFUSALS.upstreamCutShort()));
              return;
            }
            const raw = Buffer.concat(chunks);
            // As received for the client (Node keeps `Set-Cookie` a list); joined for Prism's validation.
            const rawHeaders: Record<string, string | string[]> = {};
            for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !HOP_BY_HOP.includes(name)) rawHeaders[name] = value;
            const headers = Object.fromEntries(Object.entries(rawHeaders).map(([name, value]) => [name, [value].flat().join(', ')]));
            resolve({ status: answer.statusCode ?? 502, headers, body: parsed(raw, headers['content-type']), raw, rawHeaders });
          });
        },
      );
      // The whole exchange, not only the silence between packets: a trickling upstream times out too.
      const timer = setTimeout(() => {
        reject(new ProxyFailure(REFUSALS.upstreamTimeout(options.timeoutMs)));
        outgoing.destroy();
      }, options.timeoutMs);
      // Node hands a 101 to 'upgrade' listeners only, and without one closes the socket in silence.
      outgoing.on('upgrade', (_answer, socket) => {
        socket.destroy();
        reject(new ProxyFailure(REFUSALS.upstreamSwitchedProtocols()));
      });
      outgoing.on('close', () => {
        clearTimeout(timer);
        // Settled already for any answer seen to its end; anything else must not leave the client waiting.
        reject(new ProxyFailure(REFUSALS.upstreamCutShort()));
      });
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        reject(new ProxyFailure(REFUSALS.upstreamUnreachable(error.code ?? error.message)));
      });
      outgoing.end(body);
    });
}

/** The body as Prism validates it: JSON parsed, anything else as text. */
function parsed(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType && /[/+]json\b/i.test(contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
