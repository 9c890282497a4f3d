import { parseErrorRule } from '../../src/rules/parse-error.js';
import { facts, observed, runRuleTable } from './rule-tester.js';

runRuleTable(parseErrorRule, {
  valid: [
    { name: 'no observations', facts: facts() },
    { name: 'an empty catch is not a parse error', facts: observed({ kind: 'empty-catch', line: 1, column: 1 }) },
  ],
  invalid: [
    {
      name: 'the diagnostic text, as an error by default',
      facts: observed({ kind: 'parse-error', line: 2, column: 9, text: "'}' expected." }),
      expected: [{ rule: 'parse-error', severity: 'error', line: 2, column: 9, message: "Parsing error: '}' expected." }],
    },
    {
      name: 'a generic message when the observation has no text',
      facts: observed({ kind: 'parse-error', line: 1, column: 1 }),
      expected: [{ rule: 'parse-error', severity: 'error', line: 1, column: 1, message: 'Parsing error: syntax error' }],
    },
    {
      name: 'the configured severity',
      facts: observed({ kind: 'parse-error', line: 1, column: 1, text: 'x' }),
      config: { severity: 'warning' },
      expected: [{ rule: 'parse-error', severity: 'warning', line: 1, column: 1, message: 'Parsing error: x' }],
    },
  ],
});
