/**
 * partialFingerprints for SARIF results, so GitHub code scanning (and any
 * SARIF viewer that tracks results across runs) can tell "the same finding,
 * moved" from "a new finding".
 *
 * Choice: sha256 of rule id + path + the message with every run of digits
 * replaced by `#`, plus an ordinal among findings of the same file that share
 * that hash (in position order), as `<hash>:<ordinal>`.
 * - Line and column are left out, so inserting lines above a finding keeps
 *   its fingerprint.
 * - Digits are left out of the message because they are measurements
 *   ("complexity of 12 (max 10)"): a function that grows from 12 to 13 is the
 *   same finding, and a changed threshold does not reopen every alert.
 * - The function name stays in (it is in the message of every function
 *   rule), so two different over-complex functions in one file never collide.
 * - Messages that name nothing (`Unexpected any.`, `Empty catch block`) repeat
 *   within a file; the ordinal keeps them apart, as GitHub's own
 *   primaryLocationLineHash does with its `:N` suffix. Such a finding keeps its
 *   fingerprint when it moves, unless it moves past another of its kind.
 * - Not the source text of the line: reporters see facts, never content, and
 *   the cached facts must stay enough to report from.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';

/** The partialFingerprints key sonde writes; bump the version if the recipe changes. */
export const FINGERPRINT_KEY = 'sonde/v1';

/** Hash of what identifies a finding regardless of where it sits and what it measured. */
function findingHash(rule: string, path: string, message: string): string {
  const normalized = message.replace(/\d+/g, '#');
  return createHash('sha256').update(`${rule}\0${path}\0${normalized}`).digest('hex').slice(0, 32);
}

/**
 * Fingerprints for findings that all have a path, in the order given; the
 * ordinal counts earlier findings (by path, line, column) with the same hash.
 */
export function fingerprints(findings: readonly (Finding & { readonly path: string })[]): string[] {
  const hashes = findings.map((finding) => findingHash(finding.rule, finding.path, finding.message));
  const order = findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => a.finding.line - b.finding.line || a.finding.column - b.finding.column || a.index - b.index);
  const seen = new Map<string, number>();
  const result: string[] = new Array(findings.length);
  for (const { index } of order) {
    const hash = hashes[index];
    const ordinal = seen.get(hash) ?? 0;
    seen.set(hash, ordinal + 1);
    result[index] = `${hash}:${ordinal}`;
  }
  return result;
}
