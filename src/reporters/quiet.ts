import type { Finding, ScanResult } from '../types.js';
import { mapFileFindings } from '../rules/packed-findings.js';

const isError = (finding: Finding) => finding.severity === 'error';

/**
 * The result with only its error findings (`--quiet`, as ESLint's: every
 * format reports errors only). Files, metrics, skipped files and warnings
 * about the scan itself are kept.
 */
export function errorsOnly(result: ScanResult): ScanResult {
  const fileFindings = mapFileFindings(result.fileFindings, (findings) => findings.filter(isError));
  return { ...result, fileFindings, crossFile: { ...result.crossFile, findings: result.crossFile.findings.filter(isError) } };
}
