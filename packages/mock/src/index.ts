export { startMock, type RunningMock } from './start-mock.js';
export { startProxy, type ProxyOptions } from './start-proxy.js';
export { type MockOptions, type LogLevel, LOG_LEVELS, DEFAULTS, MockSetupError } from './options.js';
export { parseMockCommand, USAGE, type ParsedCommand } from './cli-options.js';
export { bundledSpecPath } from './spec-path.js';
