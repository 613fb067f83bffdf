import type { Json } from './document.js';

/** The node at a local JSON pointer (`#/components/schemas/Guid`), or undefined when there is none. */
export function atPointer(document: unknown, pointer: string): unknown {
  if (pointer === '#' || pointer === '#/') return document;
  if (!pointer.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const token of pointer.slice(2).split('/')) {
    if (typeof node !== 'object' || node === null) return undefined;
    // A pointer in a URI fragment is percent-encoded (RFC 6901 section 6): `%7BpbxId%7D`.
    const key = safeDecode(token).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

/**
 * Follows a chain of local `$ref`s (`#/components/...`) to the first object that is not a reference.
 * Undefined for a reference that leads nowhere, leaves the document or loops: the bundled spec has
 * only local references, and a broken one is a finding for the caller, not a crash.
 */
export function resolveRef(document: unknown, node: unknown): Json | undefined {
  let current = node;
  const seen = new Set<string>();
  while (typeof current === 'object' && current !== null && typeof (current as Json).$ref === 'string') {
    const ref = (current as Json).$ref as string;
    if (seen.has(ref)) return undefined;
    seen.add(ref);
    current = atPointer(document, ref);
  }
  return typeof current === 'object' && current !== null ? (current as Json) : undefined;
}

function safeDecode(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}
