export { startMock, type RunningMock } from './start-mock.js';
export { startProxy, type ProxyOptions, type RunningProxy } from './start-proxy.js';
export { type MockOptions, type ServerOptions, type LogLevel, LOG_LEVELS, DEFAULTS, MockSetupError } from './options.js';
export { type Responder, type ResponderRequest, type ResponderAnswer } from './responder.js';
export { parseMockCommand, USAGE, type ParsedCommand } from './cli-options.js';
export { createMockFetch, type MockFetch, type MockFetchOptions } from './test-tool/mock-fetch.js';
export { type MockControls } from './mock-setup.js';
export { type JournalEntry, type JournalFilter } from './test-tool/journal.js';
