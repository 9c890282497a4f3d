import { maxDepthRule } from '../../src/rules/max-depth.js';
import { runRuleTable } from './rule-tester.js';
import { thresholdTable } from './threshold-table.js';

runRuleTable(
  maxDepthRule,
  thresholdTable({
    rule: 'max-depth',
    metric: 'maxDepth',
    defaultThreshold: 4,
    defaultSeverity: 'warning',
    message: (name, value, max) => `Function '${name}' nests blocks ${value} deep (max ${max}).`,
  }),
);
