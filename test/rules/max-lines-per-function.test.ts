import { maxLinesPerFunctionRule } from '../../src/rules/max-lines-per-function.js';
import { runRuleTable } from './rule-tester.js';
import { thresholdTable } from './threshold-table.js';

runRuleTable(
  maxLinesPerFunctionRule,
  thresholdTable({
    rule: 'max-lines-per-function',
    metric: 'length',
    defaultThreshold: 80,
    defaultSeverity: 'warning',
    message: (name, value, max) => `Function '${name}' is ${value} lines long (max ${max}).`,
  }),
);
