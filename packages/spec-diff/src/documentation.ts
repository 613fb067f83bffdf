// Counts documentation-only edits (descriptions, titles, examples) by walking both bundles side by
// side. The diff library reports these too, but inside `_type` unions it loses some of them.
import { isObject } from './schema.js';

const DOCUMENTATION_KEYS = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', 'x-codeSamples']);

/** `keysAreNames`: the keys of this object name things (schema properties), they are not keywords. */
export function documentationEdits(before: unknown, after: unknown, keysAreNames = false): number {
  if (Array.isArray(before) && Array.isArray(after)) {
    let count = 0;
    for (let index = 0; index < Math.max(before.length, after.length); index += 1) count += documentationEdits(before[index], after[index]);
    return count;
  }
  if (!isObject(before) || !isObject(after)) return 0;
  let count = 0;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!keysAreNames && DOCUMENTATION_KEYS.has(key)) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) count += 1;
    } else {
      count += documentationEdits(before[key], after[key], !keysAreNames && (key === 'properties' || key === 'patternProperties'));
    }
  }
  return count;
}
