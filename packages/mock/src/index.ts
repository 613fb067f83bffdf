export { startMock, type RunningMock } from './start-mock.js';
export { type MockOptions, type LogLevel, LOG_LEVELS, DEFAULTS, MockSetupError } from './options.js';
export { bundledSpecPath } from './spec-path.js';
