import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ScanEventBus, createScanOptions, scan, type ScanEvent, type ScanResult } from '../../src/index.js';
import { FIXTURES } from '../helpers/temp-tree.js';

describe('scan() on fixtures/basic', async () => {
  const events: ScanEvent[] = [];
  const bus = new ScanEventBus();
  bus.on((event) => events.push(event));
  const result = await scan(createScanOptions(path.join(FIXTURES, 'basic'), { parallel: 0 }), { bus });
  const file = (p: string) => result.files.find((f) => f.path === p)!;
  const findings = (p: string) => (result.fileFindings.get(p) ?? []).map((f) => `${f.rule}@${f.line}`);

  it('analyzes every source file in order, without errors', () => {
    assert.deepEqual(result.files.map((f) => f.path), [
      'src/index.ts', 'src/legacy.js', 'src/parser.ts', 'src/util/format.ts', 'src/util/normalize.ts', 'src/view.tsx',
    ]);
    assert.ok(result.files.every((f) => f.error === null && f.facts !== null && f.hash.length === 40));
    assert.equal(result.strategy, 'sequential');
  });

  it('computes the functions and their complexity', () => {
    const names = result.files.flatMap((f) => f.facts!.functions.map((fn) => fn.name));
    assert.equal(names.length, 10);
    const classify = file('src/parser.ts').facts!.functions.find((fn) => fn.name === 'classify')!;
    assert.equal(classify.cyclomatic, 14);
    assert.equal(classify.maxDepth, 7);
    assert.equal(classify.params, 1);
    const parse = file('src/parser.ts').facts!.functions.find((fn) => fn.name === 'parse')!;
    assert.equal(parse.cyclomatic, 5);
    assert.equal(file('src/index.ts').facts!.functions[0]!.cyclomatic, 3);
  });

  it('reports per-file findings from the rules', () => {
    const parser = findings('src/parser.ts');
    for (const expected of ['todo-comment@8', 'complexity@23', 'max-depth@23', 'no-explicit-any@23', 'cognitive-complexity@23']) {
      assert.ok(parser.includes(expected), `${expected} in ${parser.join(', ')}`);
    }
    assert.ok(findings('src/util/normalize.ts').includes('empty-catch@6'));
    assert.deepEqual(findings('src/index.ts'), []);
  });

  it('finds the import cycle and unused exports in the cross-file pass', () => {
    const rules = result.crossFile.findings.map((f) => `${f.rule}:${f.path}`);
    assert.ok(rules.includes('import-cycle:src/parser.ts'), rules.join(', '));
    const cycle = result.crossFile.findings.find((f) => f.rule === 'import-cycle')!;
    assert.match(cycle.message, /src\/parser\.ts → src\/util\/normalize\.ts → src\/parser\.ts/);
    const unused = result.crossFile.findings.filter((f) => f.rule === 'unused-export').map((f) => f.message);
    assert.ok(unused.some((m) => m.includes('classify')), unused.join('\n'));
    assert.ok(unused.some((m) => m.includes('unusedHelper')), unused.join('\n'));
    assert.ok(!unused.some((m) => m.includes("'main'")), 'the package entry point main is used');
  });

  it('emits the typed event stream in order, one file:done per file', () => {
    const types = events.map((e) => e.type).filter((type) => type !== 'sample');
    assert.equal(types[0], 'phase:start');
    assert.ok(types.indexOf('files:discovered') < types.indexOf('scan:start'));
    assert.equal(events.filter((e) => e.type === 'file:done').length, 6);
    const phases = events.flatMap((e) => (e.type === 'phase:end' ? [e.phase] : []));
    assert.deepEqual(phases, ['discover', 'read', 'cache-read', 'analyze', 'cross-file']);
    assert.equal(types.at(-1), 'scan:done');
    assert.equal(types.filter((type) => type === 'scan:done').length, 1);
  });

  it("runs the caller's report as the report phase, just before scan:done", async () => {
    const seen: string[] = [];
    const reportBus = new ScanEventBus();
    reportBus.on((event) => {
      if (event.type === 'phase:start' || event.type === 'phase:end') seen.push(`${event.type} ${event.phase}`);
      else if (event.type === 'scan:done') seen.push('scan:done');
    });
    let reported: unknown;
    const options = createScanOptions(path.join(FIXTURES, 'basic'), { parallel: 0, sampleIntervalMs: 0 });
    const returned = await scan(options, { bus: reportBus, report: (r) => void (reported = r) });
    assert.equal(reported, returned);
    assert.deepEqual(seen.slice(-3), ['phase:start report', 'phase:end report', 'scan:done']);
    assert.ok(!returned.profile.phases.some((timing) => timing.phase === 'report'), 'the result does not time its own report');
  });

  it("gives the caller's finish the last word: the report, scan:done and the returned result all see its result", async () => {
    const bus = new ScanEventBus();
    let announced: unknown;
    bus.on((event) => {
      if (event.type === 'scan:done') announced = event.result;
    });
    let reported: unknown;
    let finished: unknown;
    const options = createScanOptions(path.join(FIXTURES, 'basic'), { parallel: 0, sampleIntervalMs: 0 });
    const returned = await scan(options, {
      bus,
      finish: (raw) => (finished = { ...raw, fileFindings: new Map() }) as typeof raw,
      report: (r) => void (reported = r),
    });
    // The very maps finish made: scan() may copy the result only to raise profile.peakRssBytes
    // (the report can take memory past the pipeline's peak), never to change what finish decided.
    const findingsOf = (result: unknown) => (result as ScanResult).fileFindings;
    assert.equal(findingsOf(returned), findingsOf(finished));
    assert.equal(findingsOf(reported), findingsOf(finished));
    assert.equal(findingsOf(announced), findingsOf(finished));
    assert.equal(returned.fileFindings.size, 0);
  });

  it('records a profile: phases, peak RSS from the kernel, CPU time', () => {
    assert.ok(result.profile.peakRssBytes > 10 * 1024 * 1024);
    assert.ok(result.profile.phases.length >= 5);
    assert.ok(result.profile.cpuUserMs > 0);
    assert.equal(result.profile.workers.length, 1);
    assert.equal(result.profile.workers[0]!.files, 6);
  });
});
