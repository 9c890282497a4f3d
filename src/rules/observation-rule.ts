import type { Observation, Severity } from '../types.js';
import type { FileRule } from './rule.js';

/** Builds a rule that reports every observation of one kind. */
export function observationRule(spec: {
  id: string;
  description: string;
  defaultSeverity: Severity;
  kind: Observation['kind'];
  message: (observation: Observation) => string;
}): FileRule {
  return {
    id: spec.id,
    description: spec.description,
    defaultSeverity: spec.defaultSeverity,
    check(facts, config) {
      return facts.observations
        .filter((observation) => observation.kind === spec.kind)
        .map((observation) => ({
          rule: spec.id,
          severity: config.severity,
          line: observation.line,
          column: observation.column,
          message: spec.message(observation),
        }));
    },
  };
}
