import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonReporter, toJsonReport } from '../../src/reporters/json.js';
import { asParallelWarmScan, facts, file, makeResult } from './fixtures.js';

const options = { color: false };

describe('json reporter', () => {
  it('has exactly the schemaVersion 1 top-level and summary keys', () => {
    const report = JSON.parse(jsonReporter(makeResult(), options));
    assert.deepEqual(Object.keys(report), [
      'schemaVersion',
      'tool',
      'root',
      'summary',
      'files',
      'findings',
      'skipped',
      'graph',
      'warnings',
      'profile',
    ]);
    assert.equal(report.schemaVersion, 1);
    assert.deepEqual(report.tool, { name: 'sonde', version: '0.1.0' });
    // Added within schemaVersion 1 (a new field, nothing changed): the absolute scan root that every path is relative to.
    assert.equal(report.root, makeResult().root);
    assert.deepEqual(report.summary, {
      files: 4,
      lines: 40 + 12 + 5,
      functions: 4,
      findings: 4 + 2,
      errors: 1,
      skipped: 1,
      strategy: 'sequential',
      workers: 0,
      cache: { enabled: false, hits: 0, misses: 0, hitRate: null },
      durationMs: 123.4,
      peakRssBytes: 50_000_000,
    });
  });

  it('sorts files by code point (uppercase before lowercase), not by locale', () => {
    const report = toJsonReport(makeResult());
    assert.deepEqual(
      report.files.map((entry) => entry.path),
      ['assets/logo.ts', 'src/B.ts', 'src/a.ts', 'src/z.ts'],
    );
  });

  it('writes each file entry field by field, with unique imports in source order and export names', () => {
    const report = JSON.parse(jsonReporter(makeResult(), options));
    const z = report.files.find((entry: { path: string }) => entry.path === 'src/z.ts');
    assert.deepEqual(Object.keys(z), [
      'path',
      'hash',
      'size',
      'lines',
      'code',
      'comment',
      'blank',
      'functions',
      'imports',
      'exports',
      'findings',
      'error',
    ]);
    assert.deepEqual(z.imports, ['./a', 'node:fs']);
    assert.deepEqual(z.exports, ['render']);
    assert.deepEqual(z.functions[0], {
      name: 'render',
      line: 3,
      column: 1,
      endLine: 7,
      params: 2,
      cyclomatic: 12,
      cognitive: 18,
      maxDepth: 0,
      length: 5,
    });
    assert.equal(z.error, null);
    assert.equal('cached' in z, false);
  });

  it('sorts a file findings by position and leaves the path out of them', () => {
    const z = toJsonReport(makeResult()).files.find((entry) => entry.path === 'src/z.ts');
    assert.deepEqual(
      z?.findings.map((finding) => `${finding.line}:${finding.rule}`),
      ['3:cognitive-complexity', '3:complexity', '20:todo-comment'],
    );
    assert.deepEqual(Object.keys(z?.findings[0] ?? {}), ['rule', 'severity', 'line', 'column', 'message']);
  });

  it('gives a file with an error zeros, empty arrays and {message, code}', () => {
    const logo = toJsonReport(makeResult()).files[0];
    assert.deepEqual(logo, {
      path: 'assets/logo.ts',
      hash: 'hash-assets/logo.ts',
      size: 100,
      lines: 0,
      code: 0,
      comment: 0,
      blank: 0,
      functions: [],
      imports: [],
      exports: [],
      findings: [],
      error: { message: 'Binary file (contains NUL bytes).', code: 'binary' },
    });
  });

  it('lists cross-file findings at the top level with their path, sorted', () => {
    const report = toJsonReport(makeResult());
    assert.deepEqual(
      report.findings.map((finding) => [finding.path, finding.rule]),
      [
        ['src/a.ts', 'import-cycle'],
        ['src/z.ts', 'import-cycle'],
      ],
    );
    assert.deepEqual(Object.keys(report.findings[0]), ['path', 'rule', 'severity', 'line', 'column', 'message']);
  });

  it('includes the sorted module graph and skipped files', () => {
    const report = toJsonReport(makeResult());
    assert.deepEqual(report.graph.nodes, ['src/B.ts', 'src/a.ts', 'src/z.ts']);
    assert.deepEqual(
      report.graph.edges.map((edge) => edge.from),
      ['src/a.ts', 'src/z.ts'],
    );
    assert.deepEqual(report.skipped, [{ path: 'dist/huge.js', reason: 'larger than 2 MiB', size: 3_000_000 }]);
  });

  it('is byte-identical outside summary run fields and profile across strategies and cache states', () => {
    const sequential = JSON.parse(jsonReporter(makeResult(), options));
    const parallel = JSON.parse(jsonReporter(asParallelWarmScan(makeResult()), options));
    assert.notDeepEqual(sequential.summary, parallel.summary, 'the fixture must differ in run fields');
    const stable = (report: Record<string, unknown>) => {
      const { profile: _profile, summary, ...rest } = report as { profile: unknown; summary: Record<string, unknown> };
      const { strategy: _s, workers: _w, cache: _c, durationMs: _d, peakRssBytes: _p, ...counts } = summary;
      return JSON.stringify({ ...rest, counts });
    };
    assert.equal(stable(parallel), stable(sequential));
  });

  it('writes an already-sorted graph item by item, with the text of a sorted copy (four keys an edge)', () => {
    const base = asParallelWarmScan(makeResult()); // its graph's lists are in order: the streamed path
    const graph = { ...base.crossFile.graph, edges: base.crossFile.graph.edges.map((edge) => ({ ...edge, weight: 1 })) };
    const result = { ...base, crossFile: { ...base.crossFile, graph } };
    const text = jsonReporter(result, options);
    assert.equal(text, `${JSON.stringify(toJsonReport(result), null, 2)}\n`);
    assert.deepEqual(Object.keys(JSON.parse(text).graph.edges[0]), ['from', 'to', 'specifier', 'typeOnly']);
  });

  it('ends with a newline and indents by two spaces', () => {
    const text = jsonReporter(makeResult({ files: [file('a.ts', facts())], fileFindings: new Map() }), options);
    assert.ok(text.endsWith('}\n'));
    assert.ok(text.startsWith('{\n  "schemaVersion": 1,\n'));
  });
});
