export { createTwin, DEFAULT_LIMITS, type Twin, type TwinOptions } from './twin.js';
export { STATE_FORMAT, STATE_VERSION } from './state-file.js';
