import { functionThresholdRule } from './rule.js';

export const complexityRule = functionThresholdRule({
  id: 'complexity',
  description: 'Cyclomatic complexity of a function (ESLint `complexity`, classic).',
  defaultSeverity: 'warning',
  defaultThreshold: 10,
  metric: (fn) => fn.cyclomatic,
  message: (name, value, max) => `Function '${name}' has a cyclomatic complexity of ${value} (max ${max}).`,
});
