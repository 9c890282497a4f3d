import { functionThresholdRule } from './rule.js';

export const cognitiveComplexityRule = functionThresholdRule({
  id: 'cognitive-complexity',
  description: 'SonarSource cognitive complexity of a function.',
  defaultSeverity: 'warning',
  defaultThreshold: 15,
  metric: (fn) => fn.cognitive,
  message: (name, value, max) => `Function '${name}' has a cognitive complexity of ${value} (max ${max}).`,
});
