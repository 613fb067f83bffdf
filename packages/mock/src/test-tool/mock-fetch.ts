import type { IncomingHttpHeaders } from 'node:http';
import { type MockControls, setUpMock } from '../mock-setup.js';
import { DEFAULTS, type MockOptions } from '../options.js';
import { checkOptions } from '../option-table.js';
import { createPrismEngine } from '../prism-engine.js';
import { REFUSALS } from '../refusals.js';
import { type Reply, refuse } from '../reply.js';
import { loadMockContract } from '../serve.js';

/** What the in-process mock takes: the mock's options, less those of a server. */
export type MockFetchOptions = Omit<MockOptions, 'port' | 'host' | 'logLevel' | 'log' | 'cors' | 'publicUrl' | 'stateFile'>;

/** `fetch`, answered by the mock in this process; with the mock's controls (reset, journal, state). */
export type MockFetch = ((input: string | URL | Request, init?: RequestInit) => Promise<Response>) & MockControls;

/**
 * The mock with no port: a fetch-compatible function that runs the same pipeline (Prism's
 * validation, the twin, faults, sessions, the envelopes) as `startMock`, for a client's `fetch` in
 * tests or an MSW handler (`http.all('https://api.test/*', ({ request }) => mockFetch(request))`).
 * `Location` headers are on the origin each request was sent to. Prism starts here, once.
 */
export async function createMockFetch(given: MockFetchOptions = {}): Promise<MockFetch> {
  const options = checkOptions(given as MockOptions, 'mock');
  const contract = loadMockContract();
  const mock = await setUpMock(options, contract);
  const engine = await createPrismEngine({ ...mock.engineOptions, document: contract.document });
  // No web page reaches a function in this process: every Host is this process's own.
  const handle = mock.handler(engine, () => '', () => true);
  const bodyLimit = options.bodyLimit ?? DEFAULTS.bodyLimit;

  const mockFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = Buffer.from(await request.arrayBuffer());
    const reply =
      body.length > bodyLimit
        ? refuse(REFUSALS.payloadTooLarge(bodyLimit))
        : await handle({ method: request.method, url: url.pathname + url.search, headers: headersOf(request.headers), body, origin: url.origin });
    if (reply.reset) {
      // What fetch does when the server closes the connection with no answer.
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    }
    return responseOf(reply);
  };
  return Object.assign(mockFetch, mock.controls);
}

/** Headers as Node's server gives them: names lower-cased, one string each. */
function headersOf(headers: Headers): IncomingHttpHeaders {
  const result: IncomingHttpHeaders = {};
  headers.forEach((value, name) => {
    result[name] = value;
  });
  return result;
}

function responseOf(reply: Reply): Response {
  const empty = reply.status === 204 || reply.status === 304 || reply.body.length === 0;
  return new Response(empty ? null : typeof reply.body === 'string' ? reply.body : new Uint8Array(reply.body), { status: reply.status, headers: Object.entries(reply.headers).flatMap(([name, value]) => [value].flat().map((item): [string, string] => [name, item])) });
}
