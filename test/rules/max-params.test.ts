import { maxParamsRule } from '../../src/rules/max-params.js';
import { runRuleTable } from './rule-tester.js';
import { thresholdTable } from './threshold-table.js';

runRuleTable(
  maxParamsRule,
  thresholdTable({
    rule: 'max-params',
    metric: 'params',
    defaultThreshold: 4,
    defaultSeverity: 'warning',
    message: (name, value, max) => `Function '${name}' has ${value} parameters (max ${max}).`,
  }),
);
