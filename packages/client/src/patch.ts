// Builders for the only JSON Patch operations the API accepts. Sending several in one `patch` call
// restarts the PBX collector once instead of once per change.
import type { JsonPatchOperation } from './types.js';

export const patchOperations = {
  /** `replace /name`. */
  rename: (name: string): JsonPatchOperation => ({ op: 'replace', path: '/name', value: name }),
  /** `replace /enabled` with `true`: the platform connects to the PBX and starts collecting events. */
  enable: (): JsonPatchOperation => ({ op: 'replace', path: '/enabled', value: true }),
  /** `replace /enabled` with `false`: collection stops. */
  disable: (): JsonPatchOperation => ({ op: 'replace', path: '/enabled', value: false }),
};
