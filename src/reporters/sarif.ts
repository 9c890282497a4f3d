/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF consumers read it.
 *
 * - Every rule sonde knows is in `tool.driver.rules` (stable ids = rule ids),
 *   so a rule keeps its index whether or not it fired.
 * - Findings (per-file and cross-file) are `results` with a relative uri under
 *   `%SRCROOT%` and partialFingerprints (see sarif-fingerprint.ts).
 * - Per-file errors (binary, unreadable, analysis crashed…) are not results:
 *   they say nothing about the code, only that sonde could not look at it, so
 *   they are `toolExecutionNotifications` with descriptor `file-error` (the
 *   error code in `properties.code`). Skipped files are `file-skipped` notes and
 *   scan warnings `scan-warning`. A syntax error the parser recovered from is a
 *   finding of the `parse-error` rule and so a result, like ESLint's.
 */
import { pathToFileURL } from 'node:url';
import type { Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { ALL_RULES } from '../rules/index.js';
import type { Finding, ScanResult, Severity } from '../types.js';
import type { ReporterOptions } from './reporter.js';
import { allFindings, sortedFiles } from './report-model.js';
import { FINGERPRINT_KEY, fingerprints } from './sarif-fingerprint.js';
import { compareCodeUnits } from '../util/compare.js';
import { isWithin } from '../util/path-within.js';
import { pathFrom } from './report-paths.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

/** SARIF has no `info`; `note` is its lowest level. */
export function sarifLevel(severity: Severity): Result.level {
  return severity === 'info' ? 'note' : severity;
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function ruleDescriptors(findings: readonly Finding[]): ReportingDescriptor[] {
  const descriptors: ReportingDescriptor[] = ALL_RULES.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    defaultConfiguration: {
      level: sarifLevel(rule.defaultSeverity),
      ...('defaultThreshold' in rule && rule.defaultThreshold !== undefined
        ? { parameters: { threshold: rule.defaultThreshold } }
        : {}),
    },
  }));
  // A finding from a rule the registry does not list (a plug-in, a newer
  // engine) still needs a descriptor for its ruleIndex to point at.
  const known = new Set(descriptors.map((descriptor) => descriptor.id));
  const extra = [...new Set(findings.map((finding) => finding.rule))].filter((id) => !known.has(id));
  for (const id of extra.sort(compareCodeUnits)) descriptors.push({ id, shortDescription: { text: id } });
  return descriptors;
}

const NOTIFICATION_DESCRIPTORS: readonly ReportingDescriptor[] = [
  { id: 'file-error', shortDescription: { text: 'A file that could not be analyzed (binary, unreadable, analysis failed).' } },
  { id: 'file-skipped', shortDescription: { text: 'A file that discovery chose not to analyze (too large, …).' } },
  { id: 'scan-warning', shortDescription: { text: 'A warning about the scan itself (cache, configuration).' } },
];

function notificationDescriptor(id: string): { id: string; index: number } {
  return { id, index: NOTIFICATION_DESCRIPTORS.findIndex((descriptor) => descriptor.id === id) };
}

function fileLocation(path: string) {
  return [{ physicalLocation: { artifactLocation: { uri: pathToUri(path), uriBaseId: SRCROOT } } }];
}

function notifications(result: ScanResult, uriOf: (reportPath: string) => string): Notification[] {
  const list: Notification[] = [];
  for (const file of sortedFiles(result)) {
    if (!file.error) continue;
    list.push({
      descriptor: notificationDescriptor('file-error'),
      level: 'warning',
      message: { text: `${file.path}: ${file.error.message}` },
      locations: fileLocation(uriOf(file.path)),
      properties: { code: file.error.code },
    });
  }
  const skipped = [...result.skipped].sort((a, b) => compareCodeUnits(a.path, b.path));
  for (const entry of skipped) {
    list.push({
      descriptor: notificationDescriptor('file-skipped'),
      level: 'note',
      message: { text: `${entry.path}: skipped (${entry.reason})` },
      locations: fileLocation(uriOf(entry.path)),
    });
  }
  for (const warning of result.warnings) {
    list.push({ descriptor: notificationDescriptor('scan-warning'), level: 'warning', message: { text: warning } });
  }
  return list;
}

/**
 * `%SRCROOT%`: the repository root when it holds the scan root (code scanning
 * resolves URIs against the checkout), else the scan root itself.
 */
function sourceRoot(result: ScanResult, repoRoot: string | undefined): string {
  return repoRoot !== undefined && isWithin(repoRoot, result.root) ? repoRoot : result.root;
}

/** Builds the SARIF log object (exported for tests and programmatic use). */
export function toSarifLog(result: ScanResult, options: Pick<ReporterOptions, 'repoRoot'> = {}): Log {
  const base = sourceRoot(result, options.repoRoot);
  const uriOf = base === result.root ? (reportPath: string) => reportPath : (reportPath: string) => pathFrom(result.root, reportPath, base);
  // Paths relative to %SRCROOT% before the fingerprints: they stay put when the scanned folder changes.
  const findings = allFindings(result).map((finding) => ({ ...finding, path: uriOf(finding.path ?? '') }));
  const rules = ruleDescriptors(findings);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const prints = fingerprints(findings);
  const results: Result[] = findings.map((finding, index) => ({
    ruleId: finding.rule,
    ruleIndex: ruleIndex.get(finding.rule),
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(finding.path), uriBaseId: SRCROOT },
          region: { startLine: Math.max(1, finding.line), startColumn: Math.max(1, finding.column) },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: prints[index] },
    // SARIF's own word for a finding the project chose to accept: code scanning shows it as dismissed.
    ...(finding.suppressed ? { suppressions: [{ kind: 'external' as const }] } : {}),
  }));
  const root = pathToFileURL(base).href;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sonde',
            version: result.toolVersion,
            rules,
            notifications: [...NOTIFICATION_DESCRIPTORS],
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications(result, uriOf) }],
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** `--format sarif`: the SARIF log, 2-space indented, with a trailing newline. */
export function sarifReporter(result: ScanResult, options: ReporterOptions = { color: false }): string {
  return `${JSON.stringify(toSarifLog(result, options), null, 2)}\n`;
}
