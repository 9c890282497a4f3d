import { emptyCatchRule } from '../../src/rules/empty-catch.js';
import { facts, observed, runRuleTable } from './rule-tester.js';

const message = 'Empty catch block: the error is silently swallowed.';

runRuleTable(emptyCatchRule, {
  valid: [
    { name: 'no observations', facts: facts() },
    { name: 'a parse error is not an empty catch', facts: observed({ kind: 'parse-error', line: 1, column: 1, text: 'x' }) },
  ],
  invalid: [
    {
      name: 'each empty catch, as a warning by default',
      facts: observed({ kind: 'empty-catch', line: 5, column: 11 }),
      expected: [{ rule: 'empty-catch', severity: 'warning', line: 5, column: 11, message }],
    },
    {
      name: 'the configured severity',
      facts: observed({ kind: 'empty-catch', line: 5, column: 11 }),
      config: { severity: 'info' },
      expected: [{ rule: 'empty-catch', severity: 'info', line: 5, column: 11, message }],
    },
  ],
});
