import { observationRule } from './observation-rule.js';

export const todoCommentRule = observationRule({
  id: 'todo-comment',
  description: 'A TODO / FIXME / XXX / HACK comment.',
  defaultSeverity: 'info',
  kind: 'todo-comment',
  message: (observation) => `Unresolved ${observation.text ?? 'TODO'} comment.`,
});
