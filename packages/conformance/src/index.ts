export { runConformance, UsageError, CORE_PROPERTIES, REMOTE_DEFAULTS, RUN_DEFAULTS, type ConformanceOptions, type Progress } from './core/run.js';
export { type ConformanceReport, type Failure, type PropertyResult, type CleanupResult, passed } from './core/report.js';
export { type PropertyDefinition, PropertyViolation } from './core/property.js';
export { type Resource, type ResourceSession, type RunContext, type Parent, type Scope } from './core/resource.js';
export { pbxConnectionProfiles } from './resources/pbx-connection-profiles/resource.js';
export { PROFILE_PROPERTIES } from './resources/pbx-connection-profiles/properties.js';
export { parseConformanceCommand, USAGE, type ParsedCommand } from './cli-options.js';
