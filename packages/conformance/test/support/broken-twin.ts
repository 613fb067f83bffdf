import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer as the broken layer sees it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Request {
  method: string;
  /** Path and query. */
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** One deliberately broken behaviour: rewrites a request, an answer, or answers itself. */
export interface Mutant {
  name: string;
  /** The properties that may catch it (the runner's first failure must be one of them). */
  caughtBy: string[];
  handle(request: Request, forward: (request: Request) => Promise<Answer>): Promise<Answer>;
}

const PROFILE = /^\/v1\.0\/accounts\/[^/]+\/customers\/[^/]+\/pbxs\/[^/?]+$/;
const PROFILES = /^\/v1\.0\/accounts\/[^/]+\/customers\/[^/]+\/pbxs$/;
const json = (answer: Answer, change: (body: Record<string, any>) => void): Answer => {
  const body = JSON.parse(answer.body) as Record<string, any>;
  change(body);
  return { ...answer, body: JSON.stringify(body), headers: { ...answer.headers, 'content-length': '' } };
};
const success = (status: number): Answer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: status === 204 ? '' : JSON.stringify({ status: 'success', timestamp: '2026-01-01T00:00:00.0000000Z' }),
});

/** The six broken twins of the issue, each a small layer over the real mock. */
export const MUTANTS: Mutant[] = [
  {
    name: 'a delete that does not delete',
    caughtBy: ['absent-answers-404', 'list-holds-live-profiles', 'find-by-instance-agrees'],
    handle: async (request, forward) => (request.method === 'DELETE' && PROFILE.test(request.path) ? success(200) : forward(request)),
  },
  {
    name: 'a patch that ignores the name',
    caughtBy: ['get-returns-last-write', 'list-holds-live-profiles'],
    // The patch is checked and applied as usual, then the old name is put back.
    handle: async (request, forward) => {
      if (request.method !== 'PATCH' || !PROFILE.test(request.path)) return forward(request);
      const before = await forward({ ...request, method: 'GET', body: '' });
      const answer = await forward(request);
      if (answer.status !== 200 || before.status !== 200) return answer;
      const name = (JSON.parse(before.body) as { data: { name: string } }).data.name;
      await forward({ ...request, body: JSON.stringify([{ op: 'replace', path: '/name', value: name }]) });
      return answer;
    },
  },
  {
    name: 'a list that misses new items',
    caughtBy: ['list-holds-live-profiles'],
    handle: async (request, forward) => {
      const answer = await forward(request);
      if (request.method !== 'GET' || !PROFILES.test(request.path) || answer.status !== 200) return answer;
      return json(answer, (body) => {
        body.data = (body.data as unknown[]).slice(0, -1);
        body.page_size = body.data.length;
      });
    },
  },
  {
    name: 'a create without Location',
    // The spec check names the missing header when a create outside the model (the profile the
    // invalid patch rows need) meets it first.
    caughtBy: ['create-201-location', 'answers-match-spec'],
    handle: async (request, forward) => {
      const answer = await forward(request);
      if (request.method !== 'POST') return answer;
      const { location: _, ...headers } = answer.headers;
      return { ...answer, headers };
    },
  },
  {
    name: 'a get that drops a secret',
    caughtBy: ['get-returns-last-write'],
    handle: async (request, forward) => {
      const answer = await forward(request);
      if (request.method !== 'GET' || !PROFILE.test(request.path) || answer.status !== 200) return answer;
      return json(answer, (body) => {
        delete body.data.apiKey;
        delete body.data.password;
      });
    },
  },
  {
    name: 'a wrong status (a delete answers 204)',
    caughtBy: ['absent-answers-404', 'answers-match-spec'],
    handle: async (request, forward) => {
      const answer = await forward(request);
      return request.method === 'DELETE' && answer.status === 200 ? success(204) : answer;
    },
  },
];

/** A loopback HTTP server that passes every request to `upstream` through the mutant. */
export async function startBrokenTwin(upstream: string, mutant: Mutant): Promise<{ url: string; stop(): Promise<void> }> {
  const forward = async (request: Request): Promise<Answer> => {
    const response = await fetch(`${upstream}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body === '' ? {} : { body: request.body }),
      redirect: 'manual',
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, headers, body: await response.text() };
  };
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers[name] = value;
      const request: Request = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') };
      mutant.handle(request, forward).then(
        (answer) => {
          const sent = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(name)));
          // Locations of the mock point at the mock: rewrite them onto this layer, as a proxy would.
          if (sent.location) sent.location = sent.location.replace(upstream, url);
          outgoing.writeHead(answer.status, sent).end(answer.body);
        },
        (error: unknown) => outgoing.writeHead(502).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
