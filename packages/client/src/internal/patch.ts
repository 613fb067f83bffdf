// One JSON Patch `replace` operation, typed to its path and value, for the shortcuts of every
// resource (`enable`, `disable`, `rename`): the spec's patch schemas all share this shape.
export const replace = <const Path extends string, Value>(path: Path, value: Value) => ({ op: 'replace' as const, path, value });
