import { functionThresholdRule } from './rule.js';

export const maxLinesPerFunctionRule = functionThresholdRule({
  id: 'max-lines-per-function',
  description: 'Physical lines of a function (ESLint `max-lines-per-function` with comments and blanks counted).',
  defaultSeverity: 'warning',
  defaultThreshold: 80,
  metric: (fn) => fn.length,
  message: (name, value, max) => `Function '${name}' is ${value} lines long (max ${max}).`,
});
