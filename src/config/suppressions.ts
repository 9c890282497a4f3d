/**
 * Bulk suppressions, as ESLint 9.24+ has them: a file that counts the known
 * findings per file and rule, so existing debt does not fail CI while new
 * findings do. Counts, not lines: the file survives edits that move code.
 *
 * Matching (ESLint's): a (file, rule) with count N suppresses every finding
 * of that rule in that file when there are at most N; when there are more,
 * none is suppressed, since sonde cannot tell which one is new.
 *
 * Pure: paths in, data out. Reading and writing the file is the CLI's.
 */
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Finding, ScanResult } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';
import { mapFileFindings, PackedFindings } from '../rules/packed-findings.js';

export const SUPPRESSIONS_FILE_NAME = 'sonde-suppressions.json';

/** `{ "<path from the file's folder>": { "<rule>": { "count": N } } }`. */
export type Suppressions = Readonly<Record<string, Readonly<Record<string, { readonly count: number }>>>>;

/** Where the file lies and where the scan's paths start: keys are relative to `dir`, findings to `root`. */
export interface SuppressionPaths {
  readonly dir: string;
  readonly root: string;
}

/** Checks the parsed JSON's shape; a bad one is a one-line user error naming the first bad path. */
export function validateSuppressions(value: unknown, file: string): Suppressions {
  const bad = (where: string, why: string) =>
    new UserError('INVALID_SUPPRESSIONS', `${file}: ${where}${why}.`, 'Fix or delete it, then run with --suppress-all to write it again.');
  if (!isPlainObject(value)) throw bad('', 'expected an object of file paths');
  const result: Record<string, Record<string, { count: number }>> = Object.create(null);
  for (const [key, rules] of Object.entries(value)) {
    if (key === '' || path.isAbsolute(key) || key.includes('\\')) throw bad(`${JSON.stringify(key)}: `, 'expected a relative path with / separators');
    if (!isPlainObject(rules)) throw bad(`${JSON.stringify(key)}: `, 'expected an object of rule ids');
    const entry: Record<string, { count: number }> = Object.create(null);
    for (const [rule, setting] of Object.entries(rules)) {
      const count = isPlainObject(setting) ? setting.count : undefined;
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1 || Object.keys(setting as object).length !== 1) {
        throw bad(`${JSON.stringify(key)} → ${JSON.stringify(rule)}: `, 'expected { "count": N } with a whole number N ≥ 1');
      }
      entry[rule] = { count };
    }
    result[key] = entry;
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The suppressions-file key of a scan-root-relative path. */
export function suppressionKey(reportPath: string, paths: SuppressionPaths): string {
  return path.relative(paths.dir, path.resolve(paths.root, reportPath)).split(path.sep).join('/');
}

/** Every finding with its scan-root-relative path, per-file and cross-file. */
function* locatedFindings(result: ScanResult): Generator<{ path: string; finding: Finding }> {
  for (const [file, findings] of result.fileFindings) for (const finding of findings) yield { path: file, finding };
  for (const finding of result.crossFile.findings) yield { path: finding.path ?? '', finding };
}

/** Findings per key and rule (suppressed or not). */
export function countFindings(result: ScanResult, paths: SuppressionPaths, rules?: ReadonlySet<string>): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const { path: file, finding } of locatedFindings(result)) {
    if (rules && !rules.has(finding.rule)) continue;
    const key = suppressionKey(file, paths);
    const perRule = counts.get(key) ?? new Map<string, number>();
    perRule.set(finding.rule, (perRule.get(finding.rule) ?? 0) + 1);
    counts.set(key, perRule);
  }
  return counts;
}

/** The result with suppressed findings marked `suppressed: true`, and how many there are. */
export function applySuppressions(result: ScanResult, suppressions: Suppressions, paths: SuppressionPaths): { result: ScanResult; suppressed: number } {
  // No suppressions file (the usual case): nothing to count or mark, and a warm scan should not pay for keying every finding.
  if (Object.keys(suppressions).length === 0) return { result, suppressed: 0 };
  const counts = countFindings(result, paths);
  const covered = (file: string, rule: string): boolean => {
    const key = suppressionKey(file, paths);
    const allowed = Object.hasOwn(suppressions, key) && Object.hasOwn(suppressions[key], rule) ? suppressions[key][rule].count : 0;
    return allowed > 0 && (counts.get(key)?.get(rule) ?? 0) <= allowed;
  };
  let suppressed = 0;
  const mark = (file: string, finding: Finding): Finding => {
    if (!covered(file, finding.rule)) return finding;
    suppressed += 1;
    return { ...finding, suppressed: true };
  };
  const fileFindings = mapFileFindings(result.fileFindings, (findings, file) => findings.map((finding) => mark(file, finding)));
  const crossFile = result.crossFile.findings.map((finding) => mark(finding.path ?? '', finding));
  return { result: { ...result, fileFindings, crossFile: { ...result.crossFile, findings: crossFile } }, suppressed };
}

/**
 * `--suppress-all` / `--suppress-rule`: the existing entries, with the scan's
 * current counts for the chosen rules (all rules when `rules` is undefined)
 * written over them. Entries for other files and rules are kept.
 */
export function suppressFindings(existing: Suppressions, result: ScanResult, paths: SuppressionPaths, rules?: ReadonlySet<string>): Suppressions {
  const merged = new Map<string, Map<string, number>>();
  for (const [key, perRule] of Object.entries(existing)) merged.set(key, new Map(Object.entries(perRule).map(([rule, { count }]) => [rule, count])));
  for (const [key, perRule] of countFindings(result, paths, rules)) {
    const entry = merged.get(key) ?? new Map<string, number>();
    for (const [rule, count] of perRule) entry.set(rule, count);
    merged.set(key, entry);
  }
  return sortedSuppressions(merged);
}

/**
 * `--prune-suppressions`: counts lowered to what the scan still finds, entries
 * that match nothing removed. Only keys inside the scan root are judged (a
 * file outside it was not scanned, so its entries are kept). A count the scan
 * exceeds is left alone: those findings are active, not stale.
 */
export function pruneSuppressions(existing: Suppressions, result: ScanResult, paths: SuppressionPaths): Suppressions {
  const counts = countFindings(result, paths);
  const pruned = new Map<string, Map<string, number>>();
  for (const [key, perRule] of Object.entries(existing)) {
    const inside = !path.relative(paths.root, path.resolve(paths.dir, key)).startsWith('..');
    const entry = new Map<string, number>();
    for (const [rule, { count }] of Object.entries(perRule)) {
      const found = inside ? (counts.get(key)?.get(rule) ?? 0) : count;
      if (found > 0) entry.set(rule, Math.min(count, found));
    }
    if (entry.size > 0) pruned.set(key, entry);
  }
  return sortedSuppressions(pruned);
}

/** Keys and rules in code-unit order, so the committed file diffs cleanly. */
function sortedSuppressions(entries: ReadonlyMap<string, ReadonlyMap<string, number>>): Suppressions {
  const result: Record<string, Record<string, { count: number }>> = Object.create(null);
  for (const key of [...entries.keys()].sort(compareCodeUnits)) {
    const perRule = entries.get(key)!;
    const entry: Record<string, { count: number }> = Object.create(null);
    for (const rule of [...perRule.keys()].sort(compareCodeUnits)) entry[rule] = { count: perRule.get(rule)! };
    result[key] = entry;
  }
  return result;
}

/** The result without suppressed findings, and their count in `suppressedFindings` (the human formats hide them). */
export function withoutSuppressed(result: ScanResult): ScanResult {
  const active = (finding: Finding) => !finding.suppressed;
  let hidden = 0;
  // Packed findings (a large scan) with none suppressed: nothing to leave out, and nothing to decode.
  const none = result.fileFindings instanceof PackedFindings && !result.fileFindings.hasSuppressed();
  const fileFindings = none
    ? result.fileFindings
    : mapFileFindings(result.fileFindings, (findings) => {
        const kept = findings.filter(active);
        hidden += findings.length - kept.length;
        return kept;
      });
  const crossFile = result.crossFile.findings.filter(active);
  hidden += result.crossFile.findings.length - crossFile.length;
  return { ...result, fileFindings, crossFile: { ...result.crossFile, findings: crossFile }, suppressedFindings: (result.suppressedFindings ?? 0) + hidden };
}
