import { type MockOptions, MockSetupError } from './options.js';
import type { TwinOptions } from './twin/index.js';

const TWIN_OPTIONS = ['empty', 'seedFile', 'stateFile', 'maxProfiles'] as const;

/** What the mock's options ask of the twin: nothing (static replay), or how to start it. */
export function twinOptionsOf(options: MockOptions): Omit<TwinOptions, 'onError'> | undefined {
  const given = TWIN_OPTIONS.filter((name) => options[name] !== undefined && options[name] !== false);
  if (options.static || options.dynamic) {
    if (given.length > 0) {
      throw new MockSetupError(`${given.join(', ')} apply to the twin, not to static replay (${options.static ? 'static' : 'dynamic'}).`);
    }
    return undefined;
  }
  if (options.empty && options.seedFile !== undefined) throw new MockSetupError('Choose either an empty start or a seed file, not both.');
  return {
    seed: options.seedFile !== undefined ? { file: options.seedFile } : options.empty ? 'empty' : 'examples',
    ...(options.stateFile === undefined ? {} : { stateFile: options.stateFile }),
    ...(options.maxProfiles === undefined ? {} : { maxProfiles: options.maxProfiles }),
  };
}
