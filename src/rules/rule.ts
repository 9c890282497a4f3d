import type { FileFacts, Finding, Severity } from '../types.js';

/** A rule's configuration once flags and config file are merged. */
export interface RuleConfig {
  readonly enabled: boolean;
  readonly severity: Severity;
  /** For threshold rules: a finding when the metric is strictly above this. */
  readonly threshold?: number;
  /** `max-lines-per-function`: also report immediately invoked functions (ESLint's `IIFEs`, default false). */
  readonly IIFEs?: boolean;
}

/** Every rule's configuration, by rule id. */
export type RulesConfig = Readonly<Record<string, RuleConfig>>;

/** A finding before it is attached to a file (the path is the file's). */
export type FileFinding = Omit<Finding, 'path'>;

/** A per-file rule: data plus a pure function over the file's facts. */
export interface FileRule {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** Present for threshold rules: a finding when the metric is strictly above it. */
  readonly defaultThreshold?: number;
  check(facts: FileFacts, config: RuleConfig): FileFinding[];
}

/** A rule computed by the cross-file pass (import graph); described here so config can validate it. */
export interface CrossFileRuleMeta {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
}

/** Builds a threshold rule over each function's metric. */
export function functionThresholdRule(spec: {
  id: string;
  description: string;
  defaultSeverity: Severity;
  defaultThreshold: number;
  metric: (fn: FileFacts['functions'][number]) => number;
  /** Functions the rule never reports under this config (default: none). */
  skip?: (fn: FileFacts['functions'][number], config: RuleConfig) => boolean;
  message: (name: string, value: number, threshold: number) => string;
}): FileRule {
  return {
    id: spec.id,
    description: spec.description,
    defaultSeverity: spec.defaultSeverity,
    defaultThreshold: spec.defaultThreshold,
    check(facts, config) {
      const threshold = config.threshold ?? spec.defaultThreshold;
      const findings: FileFinding[] = [];
      for (const fn of facts.functions) {
        if (spec.skip?.(fn, config) === true) continue;
        const value = spec.metric(fn);
        if (value > threshold) {
          findings.push({
            rule: spec.id,
            severity: config.severity,
            line: fn.line,
            column: fn.column,
            message: spec.message(fn.name, value, threshold),
          });
        }
      }
      return findings;
    },
  };
}
