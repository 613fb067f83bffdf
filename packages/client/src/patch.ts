// Builders for the only JSON Patch operations the API accepts. Sending several in one `patch` call
// restarts the PBX collector once instead of once per change.
import type { JsonPatchOperation } from './types.js';

const replace = (path: JsonPatchOperation['path'], value: string | boolean) => ({ op: 'replace', path, value }) as JsonPatchOperation;

export const patchOperations = {
  /** `replace /name`. */
  rename: (name: string) => replace('/name', name),
  /** `replace /enabled` with `true`: the platform connects to the PBX and starts collecting events. */
  enable: () => replace('/enabled', true),
  /** `replace /enabled` with `false`: collection stops. */
  disable: () => replace('/enabled', false),
};
