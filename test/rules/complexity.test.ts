import { complexityRule } from '../../src/rules/complexity.js';
import { runRuleTable } from './rule-tester.js';
import { thresholdTable } from './threshold-table.js';

runRuleTable(
  complexityRule,
  thresholdTable({
    rule: 'complexity',
    metric: 'cyclomatic',
    defaultThreshold: 10,
    defaultSeverity: 'warning',
    message: (name, value, max) => `Function '${name}' has a cyclomatic complexity of ${value} (max ${max}).`,
  }),
);
