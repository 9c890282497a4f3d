import { cognitiveComplexityRule } from '../../src/rules/cognitive-complexity.js';
import { runRuleTable } from './rule-tester.js';
import { thresholdTable } from './threshold-table.js';

runRuleTable(
  cognitiveComplexityRule,
  thresholdTable({
    rule: 'cognitive-complexity',
    metric: 'cognitive',
    defaultThreshold: 15,
    defaultSeverity: 'warning',
    message: (name, value, max) => `Function '${name}' has a cognitive complexity of ${value} (max ${max}).`,
  }),
);
