import { todoCommentRule } from '../../src/rules/todo-comment.js';
import { facts, observed, runRuleTable } from './rule-tester.js';

runRuleTable(todoCommentRule, {
  valid: [
    { name: 'no observations', facts: facts() },
    { name: 'an explicit any is not a todo', facts: observed({ kind: 'explicit-any', line: 1, column: 1 }) },
  ],
  invalid: [
    {
      name: 'the tag from the observation, as info by default',
      facts: observed({ kind: 'todo-comment', line: 4, column: 3, text: 'FIXME' }),
      expected: [{ rule: 'todo-comment', severity: 'info', line: 4, column: 3, message: 'Unresolved FIXME comment.' }],
    },
    {
      name: 'TODO when the observation has no text',
      facts: observed({ kind: 'todo-comment', line: 1, column: 1 }),
      expected: [{ rule: 'todo-comment', severity: 'info', line: 1, column: 1, message: 'Unresolved TODO comment.' }],
    },
    {
      name: 'the configured severity',
      facts: observed({ kind: 'todo-comment', line: 2, column: 1, text: 'HACK' }),
      config: { severity: 'warning' },
      expected: [{ rule: 'todo-comment', severity: 'warning', line: 2, column: 1, message: 'Unresolved HACK comment.' }],
    },
  ],
});
