import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  applySuppressions,
  pruneSuppressions,
  suppressFindings,
  suppressionKey,
  validateSuppressions,
  withoutSuppressed,
  type Suppressions,
} from '../../src/config/suppressions.js';
import { exitVerdict } from '../../src/cli/exit-code.js';
import { UserError } from '../../src/errors.js';
import { toJsonReport } from '../../src/reporters/json.js';
import { toSarifLog } from '../../src/reporters/sarif.js';
import type { Finding, ScanResult } from '../../src/types.js';
import { makeResult } from '../reporters/fixtures.js';

const ROOT = path.resolve('/repo/packages/app');
/** The suppressions file at the repository root, the scan in a package: keys carry the package's folder. */
const PATHS = { dir: path.resolve('/repo'), root: ROOT };

const finding = (rule: string, line: number, extra: Partial<Finding> = {}): Finding => ({ rule, severity: 'warning', line, column: 1, message: `${rule} ${line}`, ...extra });

/** A result with findings per file (rules by line) and cross-file ones. */
function result(files: Record<string, string[]>, crossFile: { path: string; rule: string }[] = []): ScanResult {
  const base = makeResult({ root: ROOT });
  return {
    ...base,
    fileFindings: new Map(Object.entries(files).map(([file, rules]) => [file, rules.map((rule, index) => finding(rule, index + 1))])),
    crossFile: { ...base.crossFile, findings: crossFile.map((entry, index) => finding(entry.rule, index + 1, { path: entry.path })) },
  };
}

const suppressedFlags = (scan: ScanResult, file: string) => (scan.fileFindings.get(file) ?? []).map((entry) => entry.suppressed === true);

describe('suppressionKey', () => {
  it('is relative to the file’s folder, with / separators', () => {
    assert.equal(suppressionKey('src/a.ts', PATHS), 'packages/app/src/a.ts');
    assert.equal(suppressionKey('src/a.ts', { dir: ROOT, root: ROOT }), 'src/a.ts');
    assert.equal(suppressionKey('src/a.ts', { dir: path.join(ROOT, 'src'), root: ROOT }), 'a.ts');
  });
});

describe('applySuppressions: ESLint’s counting', () => {
  const table: [string, Suppressions, string[], boolean[]][] = [
    ['fewer findings than the count: all suppressed', { 'packages/app/src/a.ts': { complexity: { count: 3 } } }, ['complexity', 'complexity'], [true, true]],
    ['exactly the count: all suppressed', { 'packages/app/src/a.ts': { complexity: { count: 2 } } }, ['complexity', 'complexity'], [true, true]],
    ['one more than the count: none suppressed', { 'packages/app/src/a.ts': { complexity: { count: 1 } } }, ['complexity', 'complexity'], [false, false]],
    ['another rule is not covered', { 'packages/app/src/a.ts': { complexity: { count: 5 } } }, ['complexity', 'max-params'], [true, false]],
    ['another file is not covered', { 'packages/app/src/b.ts': { complexity: { count: 5 } } }, ['complexity'], [false]],
    ['a key relative to the scan root does not match from the repository root', { 'src/a.ts': { complexity: { count: 5 } } }, ['complexity'], [false]],
    ['no entries', {}, ['complexity'], [false]],
  ];
  for (const [name, suppressions, rules, expected] of table) {
    it(name, () => {
      const { result: marked, suppressed } = applySuppressions(result({ 'src/a.ts': rules }), validateSuppressions(suppressions, 'f'), PATHS);
      assert.deepEqual(suppressedFlags(marked, 'src/a.ts'), expected);
      assert.equal(suppressed, expected.filter(Boolean).length);
    });
  }

  it('covers cross-file findings by their path', () => {
    const scan = result({}, [{ path: 'src/a.ts', rule: 'unused-export' }, { path: 'src/b.ts', rule: 'unused-export' }]);
    const { result: marked } = applySuppressions(scan, { 'packages/app/src/a.ts': { 'unused-export': { count: 1 } } }, PATHS);
    assert.deepEqual(marked.crossFile.findings.map((entry) => entry.suppressed === true), [true, false]);
  });

  it('suppressed findings fail nothing; the rest still do', () => {
    const scan = result({ 'src/a.ts': ['complexity'], 'src/b.ts': ['complexity'] });
    const { result: marked } = applySuppressions(scan, { 'packages/app/src/a.ts': { complexity: { count: 1 } } }, PATHS);
    assert.equal(exitVerdict(marked, { failOn: 'warning' }).code, 1);
    const all = applySuppressions(scan, suppressFindings({}, scan, PATHS), PATHS).result;
    assert.equal(exitVerdict(all, { failOn: 'warning', maxWarnings: 0 }).code, 0);
  });

  it('JSON marks them (the summary counts them), SARIF gives them an external suppression, human formats hide and count them', () => {
    const scan = result({ 'src/a.ts': ['complexity', 'max-params'] });
    const { result: marked } = applySuppressions(scan, { 'packages/app/src/a.ts': { complexity: { count: 1 } } }, PATHS);
    const json = toJsonReport(marked);
    const entry = json.files.find((file) => file.path === 'src/a.ts')!;
    assert.deepEqual(entry.findings.map((item) => item.suppressed), [true, undefined]);
    assert.equal(json.summary.suppressed, 1);
    assert.equal(toJsonReport(scan).summary.suppressed, undefined, 'no field without suppressions: the report is unchanged');
    const sarif = toSarifLog(marked).runs[0].results!;
    assert.deepEqual(sarif.map((item) => [item.ruleId, item.suppressions]), [['complexity', [{ kind: 'external' }]], ['max-params', undefined]]);
    const hidden = withoutSuppressed(marked);
    assert.deepEqual(hidden.fileFindings.get('src/a.ts')!.map((item) => item.rule), ['max-params']);
    assert.equal(hidden.suppressedFindings, 1);
  });
});

describe('suppressFindings (--suppress-all, --suppress-rule)', () => {
  const scan = result({ 'src/a.ts': ['complexity', 'complexity', 'max-params'], 'src/b.ts': ['todo-comment'] }, [{ path: 'src/b.ts', rule: 'unused-export' }]);

  it('counts every finding per file and rule, keys and rules sorted', () => {
    const written = suppressFindings({}, scan, PATHS);
    assert.equal(
      JSON.stringify(written),
      JSON.stringify({
        'packages/app/src/a.ts': { complexity: { count: 2 }, 'max-params': { count: 1 } },
        'packages/app/src/b.ts': { 'todo-comment': { count: 1 }, 'unused-export': { count: 1 } },
      }),
    );
  });

  it('--suppress-rule counts only that rule and keeps the other entries', () => {
    const existing = { 'packages/app/src/old.ts': { complexity: { count: 4 } }, 'packages/app/src/a.ts': { 'max-params': { count: 9 } } };
    const written = suppressFindings(existing, scan, PATHS, new Set(['complexity']));
    assert.deepEqual(JSON.parse(JSON.stringify(written)), {
      'packages/app/src/a.ts': { complexity: { count: 2 }, 'max-params': { count: 9 } },
      'packages/app/src/old.ts': { complexity: { count: 4 } },
    });
  });
});

describe('pruneSuppressions', () => {
  const table: [string, Suppressions, Record<string, string[]>, unknown][] = [
    ['a fixed finding lowers the count', { 'packages/app/src/a.ts': { complexity: { count: 3 } } }, { 'src/a.ts': ['complexity'] }, { 'packages/app/src/a.ts': { complexity: { count: 1 } } }],
    ['a rule with no findings left goes', { 'packages/app/src/a.ts': { complexity: { count: 1 }, 'max-params': { count: 1 } } }, { 'src/a.ts': ['complexity'] }, { 'packages/app/src/a.ts': { complexity: { count: 1 } } }],
    ['a file with nothing left goes', { 'packages/app/src/gone.ts': { complexity: { count: 2 } } }, {}, {}],
    ['more findings than the count: left alone (they are active, not stale)', { 'packages/app/src/a.ts': { complexity: { count: 1 } } }, { 'src/a.ts': ['complexity', 'complexity'] }, { 'packages/app/src/a.ts': { complexity: { count: 1 } } }],
    ['a file outside the scan root is not judged', { 'packages/other/x.ts': { complexity: { count: 2 } } }, {}, { 'packages/other/x.ts': { complexity: { count: 2 } } }],
  ];
  for (const [name, existing, files, expected] of table) {
    it(name, () => {
      assert.deepEqual(JSON.parse(JSON.stringify(pruneSuppressions(existing, result(files), PATHS))), expected);
    });
  }
});

describe('validateSuppressions', () => {
  const valid: [string, unknown][] = [
    ['empty', {}],
    ['counts', { 'src/a.ts': { complexity: { count: 1 } }, 'b.ts': {} }],
  ];
  for (const [name, value] of valid) it(`accepts ${name}`, () => assert.doesNotThrow(() => validateSuppressions(value, 'f')));

  const invalid: [string, unknown, RegExp][] = [
    ['an array', [], /expected an object of file paths/],
    ['null', null, /expected an object of file paths/],
    ['an absolute key', { '/etc/passwd': {} }, /"\/etc\/passwd": expected a relative path/],
    ['a backslash key', { 'src\\a.ts': {} }, /expected a relative path with \/ separators/],
    ['rules as a list', { 'a.ts': ['complexity'] }, /"a.ts": expected an object of rule ids/],
    ['a bare number', { 'a.ts': { complexity: 3 } }, /"a.ts" → "complexity": expected \{ "count": N \}/],
    ['a zero count', { 'a.ts': { complexity: { count: 0 } } }, /whole number N ≥ 1/],
    ['a fractional count', { 'a.ts': { complexity: { count: 1.5 } } }, /whole number N ≥ 1/],
    ['a string count', { 'a.ts': { complexity: { count: '2' } } }, /whole number N ≥ 1/],
    ['an extra field', { 'a.ts': { complexity: { count: 2, line: 3 } } }, /expected \{ "count": N \}/],
  ];
  for (const [name, value, message] of invalid) {
    it(`rejects ${name} in one line`, () => {
      assert.throws(
        () => validateSuppressions(value, 'sonde-suppressions.json'),
        (error: unknown) => error instanceof UserError && error.code === 'INVALID_SUPPRESSIONS' && message.test(error.message) && !error.message.includes('\n'),
      );
    });
  }

  it('a "__proto__" key is data, not a prototype', () => {
    const parsed = validateSuppressions(JSON.parse('{"__proto__": {"complexity": {"count": 1}}}'), 'f');
    assert.deepEqual(Object.keys(parsed), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).complexity, undefined);
  });
});
