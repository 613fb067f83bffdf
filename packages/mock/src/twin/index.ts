export { createTwin, DEFAULT_LIMITS, type Twin, type TwinOptions } from './twin.js';
export type { TwinAnswer, TwinRequest } from './exchange.js';
export { STATE_FORMAT, STATE_VERSION } from './state-file.js';
