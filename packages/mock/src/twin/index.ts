export { createTwin, DEFAULT_LIMITS, type Twin, type TwinOptions } from './twin.js';
export { STATE_FORMAT, STATE_VERSION } from './core/twin-file.js';
export { timestamp } from './core/envelopes.js';
