import { functionThresholdRule } from './rule.js';

export const maxParamsRule = functionThresholdRule({
  id: 'max-params',
  description: 'Parameters of a function (ESLint `max-params`).',
  defaultSeverity: 'warning',
  defaultThreshold: 4,
  metric: (fn) => fn.params,
  message: (name, value, max) => `Function '${name}' has ${value} parameters (max ${max}).`,
});
