import type { FileFacts, Finding } from '../types.js';
import { cognitiveComplexityRule } from './cognitive-complexity.js';
import { complexityRule } from './complexity.js';
import { emptyCatchRule } from './empty-catch.js';
import { maxDepthRule } from './max-depth.js';
import { maxLinesPerFunctionRule } from './max-lines-per-function.js';
import { maxLinesRule } from './max-lines.js';
import { maxParamsRule } from './max-params.js';
import { noExplicitAnyRule } from './no-explicit-any.js';
import { parseErrorRule } from './parse-error.js';
import type { CrossFileRuleMeta, FileRule, RuleConfig, RulesConfig } from './rule.js';
import { todoCommentRule } from './todo-comment.js';
import { compareCodeUnits } from '../util/compare.js';

export const FILE_RULES: readonly FileRule[] = [
  complexityRule,
  cognitiveComplexityRule,
  maxDepthRule,
  maxParamsRule,
  maxLinesPerFunctionRule,
  maxLinesRule,
  noExplicitAnyRule,
  todoCommentRule,
  emptyCatchRule,
  parseErrorRule,
];

const CROSS_FILE_RULES: readonly CrossFileRuleMeta[] = [
  { id: 'import-cycle', description: 'Modules that import each other in a cycle.', defaultSeverity: 'warning' },
  { id: 'unused-export', description: 'An exported name that no scanned file imports.', defaultSeverity: 'info' },
  { id: 'unused-disable-directive', description: 'A sonde-disable comment that suppresses no finding.', defaultSeverity: 'warning' },
];

/** Every rule id sonde knows, with its description and defaults. */
export const ALL_RULES: readonly (FileRule | CrossFileRuleMeta)[] = [...FILE_RULES, ...CROSS_FILE_RULES];

export function defaultRulesConfig(): RulesConfig {
  const config: Record<string, RuleConfig> = {};
  for (const rule of ALL_RULES) {
    config[rule.id] = {
      enabled: true,
      severity: rule.defaultSeverity,
      ...('defaultThreshold' in rule && rule.defaultThreshold !== undefined ? { threshold: rule.defaultThreshold } : {}),
    };
  }
  return config;
}

const byPosition = (a: Finding, b: Finding) =>
  a.line - b.line || a.column - b.column || compareCodeUnits(a.rule, b.rule) || compareCodeUnits(a.message, b.message);

/** Applies every enabled per-file rule to one file's facts; findings sorted by position. */
export function applyFileRules(facts: FileFacts, rules: RulesConfig): Finding[] {
  const findings: Finding[] = [];
  for (const rule of FILE_RULES) {
    const config = rules[rule.id];
    if (!config?.enabled) continue;
    findings.push(...rule.check(facts, config));
  }
  return findings.sort(byPosition);
}
