/**
 * Applies each file's `sonde-disable…` comments to its findings, the
 * cross-file ones (an unused export, a cycle) included, after every rule ran.
 */
import type { RulesConfig } from '../rules/rule.js';
import { applyDirectives, UNUSED_DIRECTIVE_RULE } from '../rules/directives.js';
import type { FileResult, Finding } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';

const byPosition = (a: Finding, b: Finding) =>
  a.line - b.line || a.column - b.column || compareCodeUnits(a.rule, b.rule) || compareCodeUnits(a.message, b.message);

/** Per-file and cross-file findings with the directives applied; untouched when no file has a directive. */
export function applyInlineDirectives<C extends { readonly findings: readonly Finding[] }>(
  files: readonly FileResult[],
  fileFindings: { get(path: string): readonly Finding[] | undefined; set(path: string, findings: readonly Finding[]): unknown },
  crossFile: C,
  rules: RulesConfig,
): C {
  const withDirectives = files.filter((file) => file.facts?.directives?.length);
  if (withDirectives.length === 0) return crossFile;
  const byPath = new Map(withDirectives.map((file) => [file.path, file.facts!.directives!]));
  const dropped = new Set<Finding>();
  const crossByPath = new Map<string, Finding[]>();
  for (const finding of crossFile.findings) {
    if (finding.path !== undefined && byPath.has(finding.path)) crossByPath.set(finding.path, [...(crossByPath.get(finding.path) ?? []), finding]);
  }
  for (const [path, directives] of byPath) {
    const own = fileFindings.get(path) ?? [];
    const cross = crossByPath.get(path) ?? [];
    const kept = new Set(applyDirectives([...own, ...cross], directives, rules[UNUSED_DIRECTIVE_RULE]));
    for (const finding of cross) if (!kept.has(finding)) dropped.add(finding);
    const crossSet = new Set(cross);
    fileFindings.set(path, [...kept].filter((finding) => !crossSet.has(finding)).sort(byPosition));
  }
  return dropped.size === 0 ? crossFile : { ...crossFile, findings: crossFile.findings.filter((finding) => !dropped.has(finding)) };
}
