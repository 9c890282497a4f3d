import type { ScanResult, Severity } from '../types.js';
import { SEVERITY_ORDER } from '../types.js';

export const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
export const EXIT_INTERRUPTED = 130;

/** 1 when any finding (per-file or cross-file) is at least `failOn`, else 0. */
export function exitCodeFor(result: ScanResult, failOn: Severity | 'never'): number {
  if (failOn === 'never') return EXIT_OK;
  const floor = SEVERITY_ORDER.indexOf(failOn);
  const failing = (severity: Severity) => SEVERITY_ORDER.indexOf(severity) >= floor;
  for (const findings of result.fileFindings.values()) {
    if (findings.some((finding) => failing(finding.severity))) return EXIT_FINDINGS;
  }
  return result.crossFile.findings.some((finding) => failing(finding.severity)) ? EXIT_FINDINGS : EXIT_OK;
}
