/** Input that must not crash the analysis thread. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { ParserStackOverflowError, analyzeWithLargeStack } from '../../src/analysis/parser-overflow.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/config/options.js';
import { analyze } from './analyze-helpers.js';

describe('bad input', () => {
  it('handles a BOM: columns on line 1 as ESLint reports them (BOM dropped)', async () => {
    const facts = await analyze('\uFEFFfunction f() {}\n');
    assert.equal(facts.functions[0]!.column, 1);
    assert.equal(facts.code, 1);
  });

  it('handles CRLF line endings', async () => {
    const facts = await analyze('// c\r\nfunction f() {\r\n  return 1;\r\n}\r\n');
    assert.deepEqual([facts.code, facts.comment, facts.blank], [3, 1, 0]);
    assert.deepEqual([facts.functions[0]!.line, facts.functions[0]!.endLine], [2, 4]);
  });

  it('analyzes a 2 MB single-line minified file in reasonable time', async () => {
    const chunk = 'function a(b,c){return b?c&&b.d?.e:c||1}var x=[1,2,3].map(function(y){for(;y;)y--;return y});';
    const text = chunk.repeat(Math.ceil(2_000_000 / chunk.length));
    const started = performance.now();
    const facts = await analyze(text, 'bundle.min.js');
    assert.equal(facts.lines, 1);
    assert.equal(facts.functions.length, 2 * Math.ceil(2_000_000 / chunk.length));
    assert.equal(facts.functions[0]!.cyclomatic, 5);
    assert.ok(performance.now() - started < 60_000); // ~2 s alone; generous for a loaded CI machine
  });

  it('walks a 100,000-operand && chain without recursion', async () => {
    const facts = await analyze(`function f() { return ${Array.from({ length: 100_000 }, () => 'a').join(' && ')}; }`);
    assert.equal(facts.functions[0]!.cyclomatic, 100_000);
    assert.equal(facts.functions[0]!.cognitive, 1);
  });

  it('on 10,000-deep nesting either analyzes or throws a clear Error, never a RangeError', async () => {
    for (const text of ['{'.repeat(10_000), `x = ${'('.repeat(10_000)}1${')'.repeat(10_000)};`, `f = ${'() => '.repeat(10_000)}1;`]) {
      try {
        const facts = await analyze(text);
        assert.ok(facts.lines >= 1);
      } catch (error) {
        assert.ok(!(error instanceof RangeError), 'a RangeError must be turned into a clear Error');
        assert.ok(error instanceof ParserStackOverflowError);
        assert.equal(error.code, 'parser-stack-overflow');
        assert.match((error as Error).message, /nesting too deep/);
      }
    }
    const after = await analyze('function stillWorks() {}');
    assert.deepEqual(after.functions.map((f) => f.name), ['stillWorks'], 'the thread keeps working after a parser crash');
  });

  it('analyzes 10,000-deep nesting fully in a worker with a larger stack', async () => {
    const depth = 10_000;
    const source = `function f() {${'if (a) {'.repeat(depth)}${'}'.repeat(depth)}}`;
    const moduleUrl = new URL('../../src/analysis/analyze-source.js', import.meta.url).href;
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.moduleUrl).then(async ({ loadSourceAnalyzer }) => {
        const analyze = await loadSourceAnalyzer();
        const facts = analyze('deep.ts', workerData.source, { todoTags: [] });
        parentPort.postMessage(facts.functions[0]);
      });`;
    const worker = new Worker(code, { eval: true, workerData: { moduleUrl, source }, resourceLimits: { stackSizeMb: 64 } });
    const f = await new Promise<{ maxDepth: number; cyclomatic: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    assert.equal(f.maxDepth, depth);
    assert.equal(f.cyclomatic, depth + 1);
  });

  it('analyzeWithLargeStack gets the facts of a file whose nesting overflows the parser', async () => {
    const facts = await analyzeWithLargeStack('deep.ts', `x = ${'('.repeat(10_000)}1${')'.repeat(10_000)};`, DEFAULT_ANALYSIS_OPTIONS);
    assert.deepEqual([facts.lines, facts.code, facts.observations.length], [1, 1, 0]);
  });
});
