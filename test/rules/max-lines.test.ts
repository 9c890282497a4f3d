import { maxLinesRule } from '../../src/rules/max-lines.js';
import { facts, runRuleTable } from './rule-tester.js';

runRuleTable(maxLinesRule, {
  valid: [
    { name: 'a short file', facts: facts({ lines: 10 }) },
    { name: 'exactly at the default threshold (500)', facts: facts({ lines: 500 }) },
    { name: 'an empty file', facts: facts({ lines: 0, code: 0, comment: 0, blank: 0 }) },
    { name: 'exactly at a configured threshold', facts: facts({ lines: 1000 }), config: { threshold: 1000 } },
  ],
  invalid: [
    {
      name: 'one above the default threshold, reported at the first line over it',
      facts: facts({ lines: 501 }),
      expected: [{ rule: 'max-lines', severity: 'warning', line: 501, column: 1, message: 'File has 501 lines (max 500).' }],
    },
    {
      name: 'above a configured threshold, with the configured severity',
      facts: facts({ lines: 30 }),
      config: { threshold: 20, severity: 'error' },
      expected: [{ rule: 'max-lines', severity: 'error', line: 21, column: 1, message: 'File has 30 lines (max 20).' }],
    },
  ],
});
