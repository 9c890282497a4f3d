import { observationRule } from './observation-rule.js';

export const noExplicitAnyRule = observationRule({
  id: 'no-explicit-any',
  description: 'An explicit `any` type annotation.',
  defaultSeverity: 'warning',
  kind: 'explicit-any',
  message: () => 'Unexpected any. Specify a different type.',
});
