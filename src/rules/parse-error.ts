import { observationRule } from './observation-rule.js';

export const parseErrorRule = observationRule({
  id: 'parse-error',
  description: 'A syntax error; the parser recovered and the metrics are best effort.',
  defaultSeverity: 'error',
  kind: 'parse-error',
  message: (observation) => `Parsing error: ${observation.text ?? 'syntax error'}`,
});
