import { noExplicitAnyRule } from '../../src/rules/no-explicit-any.js';
import { facts, observed, runRuleTable } from './rule-tester.js';

const message = 'Unexpected any. Specify a different type.';

runRuleTable(noExplicitAnyRule, {
  valid: [
    { name: 'no observations', facts: facts() },
    {
      name: 'observations of other kinds only',
      facts: observed({ kind: 'todo-comment', line: 1, column: 1, text: 'TODO' }, { kind: 'empty-catch', line: 2, column: 3 }),
    },
  ],
  invalid: [
    {
      name: 'each explicit any, at its position',
      facts: observed({ kind: 'explicit-any', line: 3, column: 12 }, { kind: 'explicit-any', line: 9, column: 20 }),
      expected: [
        { rule: 'no-explicit-any', severity: 'warning', line: 3, column: 12, message },
        { rule: 'no-explicit-any', severity: 'warning', line: 9, column: 20, message },
      ],
    },
    {
      name: 'the configured severity',
      facts: observed({ kind: 'explicit-any', line: 1, column: 5 }),
      config: { severity: 'error' },
      expected: [{ rule: 'no-explicit-any', severity: 'error', line: 1, column: 5, message }],
    },
  ],
});
