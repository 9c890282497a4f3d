/**
 * sonde's programmatic API: `scan(createScanOptions(root))`, then
 * `(await loadReporter('json'))(result, { color: false })` for a report.
 * What is exported here is the public API; everything else is internal.
 */
export { scan, type ScanContext } from './engine/scan.js';
export { createScanOptions, defaultCacheLocation } from './config/create-options.js';
export { ScanEventBus, type ScanEvent, type ScanListener } from './engine/events.js';
export type { ScanOptions, AnalysisOptions } from './config/options.js';
export type { RulesConfig, RuleConfig } from './rules/rule.js';
export type * from './types.js';
export { UserError } from './errors.js';
export { loadReporter, REPORT_FORMATS, type JsonReport, type Reporter, type ReportFormat, type ReporterOptions } from './reporters/index.js';
