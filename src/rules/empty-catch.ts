import { observationRule } from './observation-rule.js';

export const emptyCatchRule = observationRule({
  id: 'empty-catch',
  description: 'A catch clause whose block is empty (comments do not count as handling).',
  defaultSeverity: 'warning',
  kind: 'empty-catch',
  message: () => 'Empty catch block: the error is silently swallowed.',
});
