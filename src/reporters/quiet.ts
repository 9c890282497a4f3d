import type { Finding, ScanResult } from '../types.js';

const isError = (finding: Finding) => finding.severity === 'error';

/**
 * The result with only its error findings (`--quiet`, as ESLint's: every
 * format reports errors only). Files, metrics, skipped files and warnings
 * about the scan itself are kept.
 */
export function errorsOnly(result: ScanResult): ScanResult {
  const fileFindings = new Map<string, readonly Finding[]>();
  for (const [file, findings] of result.fileFindings) fileFindings.set(file, findings.filter(isError));
  return { ...result, fileFindings, crossFile: { ...result.crossFile, findings: result.crossFile.findings.filter(isError) } };
}
