import type { ScanResult, Severity } from '../types.js';
import { SEVERITY_ORDER } from '../types.js';

export const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
export const EXIT_INTERRUPTED = 130;

/** Active (not suppressed) findings at each severity, per-file and cross-file together. */
export function countSeverities(result: ScanResult): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const findings of result.fileFindings.values()) for (const finding of findings) if (!finding.suppressed) counts[finding.severity] += 1;
  for (const finding of result.crossFile.findings) if (!finding.suppressed) counts[finding.severity] += 1;
  return counts;
}

/** What decides exit 1: the --fail-on floor and ESLint's --max-warnings. */
export interface ExitPolicy {
  readonly failOn: Severity | 'never';
  /** More warnings than this fail the run, whatever `failOn` says. */
  readonly maxWarnings?: number;
}

/** The exit code, and why it is 1 when --max-warnings (not --fail-on) made it so. */
export function exitVerdict(
  result: ScanResult,
  policy: ExitPolicy,
  counts: Record<Severity, number> = countSeverities(result),
): { code: number; tooManyWarnings?: { count: number; max: number } } {
  const floor = policy.failOn === 'never' ? Infinity : SEVERITY_ORDER.indexOf(policy.failOn);
  const failing = SEVERITY_ORDER.some((severity, index) => index >= floor && counts[severity] > 0);
  if (failing) return { code: EXIT_FINDINGS };
  if (policy.maxWarnings !== undefined && counts.warning > policy.maxWarnings) {
    return { code: EXIT_FINDINGS, tooManyWarnings: { count: counts.warning, max: policy.maxWarnings } };
  }
  return { code: EXIT_OK };
}
