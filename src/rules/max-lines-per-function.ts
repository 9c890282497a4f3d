import { functionThresholdRule } from './rule.js';

/**
 * ESLint `max-lines-per-function` with its default options (comments and blank
 * lines counted); like ESLint, it skips IIFEs unless `IIFEs: true`.
 */
export const maxLinesPerFunctionRule = functionThresholdRule({
  id: 'max-lines-per-function',
  description: 'Physical lines of a function (ESLint `max-lines-per-function` with comments and blanks counted; IIFEs only with `IIFEs: true`).',
  defaultSeverity: 'warning',
  defaultThreshold: 80,
  metric: (fn) => fn.length,
  skip: (fn, config) => fn.iife === true && config.IIFEs !== true,
  message: (name, value, max) => `Function '${name}' is ${value} lines long (max ${max}).`,
});
