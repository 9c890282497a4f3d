import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exitVerdict, type ExitPolicy } from '../../src/cli/exit-code.js';
import type { Finding, ScanResult, Severity } from '../../src/types.js';
import { makeResult } from '../reporters/fixtures.js';

/** A result with the given per-file and cross-file findings. */
function withFindings(fileSeverities: Severity[], crossFileSeverities: Severity[] = []): ScanResult {
  const finding = (severity: Severity): Finding => ({ rule: 'complexity', severity, line: 1, column: 1, message: 'm' });
  const base = makeResult();
  return {
    ...base,
    fileFindings: new Map([['src/a.ts', fileSeverities.map(finding)]]),
    crossFile: { ...base.crossFile, findings: crossFileSeverities.map((severity) => ({ ...finding(severity), path: 'src/z.ts' })) },
  };
}

describe('exitVerdict: --fail-on and --max-warnings (ESLint)', () => {
  const table: [string, ScanResult, ExitPolicy, number, boolean][] = [
    ['no findings', withFindings([]), { failOn: 'error', maxWarnings: 0 }, 0, false],
    ['warnings under the default --fail-on error', withFindings(['warning', 'warning']), { failOn: 'error' }, 0, false],
    ['as many warnings as allowed', withFindings(['warning', 'warning']), { failOn: 'error', maxWarnings: 2 }, 0, false],
    ['one warning over the limit', withFindings(['warning', 'warning', 'warning']), { failOn: 'error', maxWarnings: 2 }, 1, true],
    ['cross-file warnings count too', withFindings(['warning'], ['warning']), { failOn: 'error', maxWarnings: 1 }, 1, true],
    ['--max-warnings 0 with --fail-on never', withFindings(['warning']), { failOn: 'never', maxWarnings: 0 }, 1, true],
    ['info is not a warning', withFindings(['info', 'info']), { failOn: 'error', maxWarnings: 0 }, 0, false],
    ['an error fails whatever the warnings', withFindings(['error']), { failOn: 'error', maxWarnings: 10 }, 1, false],
    ['--fail-on warning fails first, not as "too many warnings"', withFindings(['warning']), { failOn: 'warning', maxWarnings: 5 }, 1, false],
    ['--fail-on never and no limit', withFindings(['error', 'warning']), { failOn: 'never' }, 0, false],
  ];
  for (const [name, result, policy, code, tooMany] of table) {
    it(name, () => {
      const verdict = exitVerdict(result, policy);
      assert.equal(verdict.code, code);
      assert.equal(verdict.tooManyWarnings !== undefined, tooMany);
    });
  }

  it('says how many warnings and the maximum', () => {
    assert.deepEqual(exitVerdict(withFindings(['warning', 'warning', 'warning']), { failOn: 'never', maxWarnings: 1 }).tooManyWarnings, { count: 3, max: 1 });
  });
});
