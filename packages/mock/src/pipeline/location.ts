import type { EngineAnswer } from '../prism-engine.js';

/**
 * The answer with its `Location` on this mock (`base`: the public URL, or the listen address; never
 * the `Host` header), built once per request: a responder's relative one made absolute, and a
 * create's example URL replaced by the URL of the id in the body.
 */
export function withLocation(answer: EngineAnswer, path: string, base: string): EngineAnswer {
  const location = answer.headers.location;
  if (location === undefined) return answer;
  if (location.startsWith('/')) return { ...answer, headers: { ...answer.headers, location: `${base}${location}` } };
  const id = answer.status === 201 ? (answer.body as { data?: { id?: unknown } } | undefined)?.data?.id : undefined;
  if (typeof id !== 'string') return answer;
  return { ...answer, headers: { ...answer.headers, location: `${base}${path.replace(/\/$/, '')}/${encodeURIComponent(id)}` } };
}
