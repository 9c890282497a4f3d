/**
 * Inline `sonde-disable…` comments applied to one file's findings (per-file
 * and cross-file alike), as ESLint applies `eslint-disable` comments: a
 * covered finding is dropped, and each rule a directive names that covered
 * nothing becomes an `unused-disable-directive` finding, so stale comments do
 * not pile up. The directives are facts of the file's content (cached); only
 * this matching depends on the rules that ran.
 */
import type { DisableDirective, Finding } from '../types.js';
import type { RuleConfig } from './rule.js';

export const UNUSED_DIRECTIVE_RULE = 'unused-disable-directive';

const covers = (directive: DisableDirective, finding: Finding): boolean =>
  (directive.kind === 'file' || directive.target === finding.line) && (directive.rules.length === 0 || directive.rules.includes(finding.rule));

/**
 * The findings no directive covers, plus the unused-directive findings
 * (when `unused` is enabled). Order is kept; callers sort.
 */
export function applyDirectives(findings: readonly Finding[], directives: readonly DisableDirective[], unused: RuleConfig | undefined): Finding[] {
  // Per directive, the rules it covered something for ('' for a directive that names none).
  const used = directives.map(() => new Set<string>());
  const kept: Finding[] = [];
  for (const finding of findings) {
    let covered = false;
    directives.forEach((directive, index) => {
      if (!covers(directive, finding)) return;
      covered = true;
      used[index]!.add(directive.rules.length === 0 ? '' : finding.rule);
    });
    if (!covered) kept.push(finding);
  }
  if (!unused?.enabled) return kept;
  directives.forEach((directive, index) => {
    const names = directive.rules.length === 0 ? [''] : directive.rules;
    for (const rule of names) {
      if (used[index]!.has(rule)) continue;
      const what = rule === '' ? 'finding' : `'${rule}' finding`;
      kept.push({
        rule: UNUSED_DIRECTIVE_RULE,
        severity: unused.severity,
        line: directive.line,
        column: directive.column,
        message: `Unused sonde-disable${directive.kind === 'file' ? '' : `-${directive.kind}`} directive (no ${what} to suppress).`,
      });
    }
  });
  return kept;
}
