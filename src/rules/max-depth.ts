import { functionThresholdRule } from './rule.js';

export const maxDepthRule = functionThresholdRule({
  id: 'max-depth',
  description: 'Deepest block nesting inside a function (ESLint `max-depth`).',
  defaultSeverity: 'warning',
  defaultThreshold: 4,
  metric: (fn) => fn.maxDepth,
  message: (name, value, max) => `Function '${name}' nests blocks ${value} deep (max ${max}).`,
});
