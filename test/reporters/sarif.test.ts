import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { ALL_RULES } from '../../src/rules/index.js';
import { FINGERPRINT_KEY, fingerprints } from '../../src/reporters/sarif-fingerprint.js';
import { sarifReporter, toSarifLog } from '../../src/reporters/sarif.js';
import type { Finding, ScanResult } from '../../src/types.js';
import { facts, file, fn, makeResult } from './fixtures.js';

// dist/test/reporters/ -> repository root; the schema is not compiled, so read it from the source tree.
const schemaPath = new URL('../../../test/reporters/sarif-schema-2.1.0.json', import.meta.url);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

function assertValid(log: unknown): void {
  const ok = validateSarif(log);
  assert.ok(ok, JSON.stringify(validateSarif.errors, null, 2));
}

const sarif = (result: ScanResult): Log => JSON.parse(sarifReporter(result, { color: false }));

describe('sarif reporter', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    assertValid(sarif(makeResult()));
  });

  it('validates for an empty scan', () => {
    assertValid(sarif(makeResult({ files: [], fileFindings: new Map(), skipped: [], crossFile: { graph: { nodes: [], edges: [], external: [], unresolved: [] }, findings: [] } })));
  });

  it('has a validator that rejects broken SARIF', () => {
    const log = sarif(makeResult()) as unknown as { runs: { results: { level: string }[]; tool: { driver: { name?: string } } }[] };
    const badLevel = structuredClone(log);
    badLevel.runs[0].results[0].level = 'fatal';
    assert.equal(validateSarif(badLevel), false);
    const noName = structuredClone(log);
    delete noName.runs[0].tool.driver.name;
    assert.equal(validateSarif(noName), false);
  });

  it('lists every known rule with its default level, and points ruleIndex at the right one', () => {
    const log = toSarifLog(makeResult());
    const run = log.runs[0];
    const rules = run.tool.driver.rules ?? [];
    assert.deepEqual(
      rules.map((rule) => rule.id),
      ALL_RULES.map((rule) => rule.id),
    );
    const complexity = rules.find((rule) => rule.id === 'complexity');
    assert.deepEqual(complexity?.defaultConfiguration, { level: 'warning', parameters: { threshold: 10 } });
    assert.equal(rules.find((rule) => rule.id === 'todo-comment')?.defaultConfiguration?.level, 'note');
    const results = run.results ?? [];
    assert.equal(results.length, 6);
    for (const result of results) {
      assert.equal(rules[result.ruleIndex ?? -1]?.id, result.ruleId);
    }
  });

  it('writes relative, percent-encoded uris under %SRCROOT% with the finding region', () => {
    const result = makeResult({
      files: [file('src/my file#1.ts', facts())],
      fileFindings: new Map([['src/my file#1.ts', [{ rule: 'no-explicit-any', severity: 'warning', line: 4, column: 7, message: 'Unexpected any.' } satisfies Finding]]]),
      crossFile: { graph: { nodes: [], edges: [], external: [], unresolved: [] }, findings: [] },
    });
    const log = sarif(result);
    assertValid(log);
    const location = log.runs[0].results?.[0].locations?.[0].physicalLocation;
    assert.deepEqual(location, {
      artifactLocation: { uri: 'src/my%20file%231.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 7 },
    });
    assert.equal(log.runs[0].originalUriBaseIds?.['%SRCROOT%'].uri, 'file:///tmp/project/');
  });

  it('maps severities to levels (info -> note)', () => {
    const levels = (toSarifLog(makeResult()).runs[0].results ?? []).map((result) => `${result.ruleId}:${result.level}`);
    assert.ok(levels.includes('todo-comment:note'));
    assert.ok(levels.includes('empty-catch:error'));
    assert.ok(levels.includes('import-cycle:warning'));
  });

  it('reports per-file errors and skipped files as notifications, not results', () => {
    const run = toSarifLog(makeResult()).runs[0];
    assert.equal(
      (run.results ?? []).some((result) => result.locations?.[0].physicalLocation?.artifactLocation?.uri === 'assets/logo.ts'),
      false,
    );
    const notes = run.invocations?.[0].toolExecutionNotifications ?? [];
    assert.deepEqual(
      notes.map((note) => [note.descriptor?.id, note.level, note.locations?.[0].physicalLocation?.artifactLocation?.uri]),
      [
        ['file-error', 'warning', 'assets/logo.ts'],
        ['file-skipped', 'note', 'dist/huge.js'],
      ],
    );
    assert.deepEqual(notes[0].properties, { code: 'binary' });
    assert.equal(run.invocations?.[0].executionSuccessful, true);
  });

  it('gives a rule that is not in the registry a descriptor of its own', () => {
    const result = makeResult({
      fileFindings: new Map([['src/a.ts', [{ rule: 'zz-plugin', severity: 'warning', line: 1, column: 1, message: 'x' }]]]),
    });
    const log = sarif(result);
    assertValid(log);
    const rules = log.runs[0].tool.driver.rules ?? [];
    const found = log.runs[0].results?.find((entry) => entry.ruleId === 'zz-plugin');
    assert.equal(rules[found?.ruleIndex ?? -1]?.id, 'zz-plugin');
  });
});

describe('sarif fingerprints', () => {
  const complexityFinding = (name: string, line: number, value: number): Finding & { path: string } => ({
    rule: 'complexity',
    severity: 'warning',
    path: 'src/a.ts',
    line,
    column: 1,
    message: `Function '${name}' has a cyclomatic complexity of ${value} (max 10).`,
  });

  function printOf(result: ScanResult, ruleId: string): string {
    const found = toSarifLog(result).runs[0].results?.find((entry) => entry.ruleId === ruleId);
    return String(found?.partialFingerprints?.[FINGERPRINT_KEY]);
  }

  it('keeps a finding fingerprint when it moves down 3 lines', () => {
    const at = (line: number) =>
      makeResult({
        files: [file('src/a.ts', facts({ functions: [fn('parse', line, { cyclomatic: 12 })] }))],
        fileFindings: new Map([['src/a.ts', [complexityFinding('parse', line, 12)]]]),
      });
    const before = printOf(at(10), 'complexity');
    assert.match(before, /^[0-9a-f]{32}:0$/);
    assert.equal(printOf(at(13), 'complexity'), before);
  });

  it('keeps the fingerprint when only the measured numbers change, not when the function differs', () => {
    const [a] = fingerprints([complexityFinding('parse', 10, 12)]);
    const [b] = fingerprints([complexityFinding('parse', 10, 14)]);
    const [c] = fingerprints([complexityFinding('render', 10, 12)]);
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it('tells apart findings with the same message in one file by their order', () => {
    const any = (line: number): Finding & { path: string } => ({
      rule: 'no-explicit-any',
      severity: 'warning',
      path: 'src/a.ts',
      line,
      column: 3,
      message: 'Unexpected any. Specify a different type.',
    });
    const prints = fingerprints([any(20), any(5)]);
    assert.notEqual(prints[0], prints[1]);
    assert.ok(prints[1].endsWith(':0'), 'the earlier line gets ordinal 0');
    assert.deepEqual(fingerprints([any(23), any(8)]), prints, 'both moved down 3 lines');
  });

  it('differs between files for the same message', () => {
    const [a] = fingerprints([complexityFinding('parse', 1, 12)]);
    const [b] = fingerprints([{ ...complexityFinding('parse', 1, 12), path: 'src/b.ts' }]);
    assert.notEqual(a, b);
  });
});
