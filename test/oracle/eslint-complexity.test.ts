/**
 * Oracle: ESLint 10's core `complexity` rule (threshold 0, so every function
 * is reported) with @typescript-eslint/parser. The SET of functions must be
 * equal (same line:column), and per function the cyclomatic number and the
 * name in ESLint's message. `max-depth` and `max-params` (threshold 0) check
 * maxDepth and params on the same functions. No allow-list: no known mismatch.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FunctionFacts } from '../../src/types.js';
import { type Container, type LintMessage, analyzeCorpus, corpus, createOracle, newAgreement, offsetOf, printAgreement } from './oracle-setup.js';

/** The name sonde stores, derived from ESLint's message ("Method 'm'" → m). */
function expectedName(label: string): string {
  const quoted = /'(.*)'$/.exec(label) ?? /(#\S+)$/.exec(label);
  if (quoted !== null) return quoted[1]!;
  if (label === 'Constructor') return 'constructor';
  if (label === 'Class field initializer') return '<class field initializer>';
  if (label === 'Class static block') return '<class static block>';
  return '<anonymous>';
}

describe('oracle: ESLint complexity / max-depth / max-params', () => {
  it('reports the same functions with the same cyclomatic complexity, name, depth and params', async () => {
    const files = corpus();
    const facts = await analyzeCorpus(files);
    const lint = createOracle({ complexity: ['error', 0], 'max-params': ['error', 0] });
    const depthLint = createOracle({ 'max-depth': ['error', 0] });
    const complexity = newAgreement();
    const details = newAgreement();
    for (const file of files) {
      const mine = new Map<string, FunctionFacts>(facts.get(file.path)!.functions.map((f) => [`${f.line}:${f.column}`, f]));
      const { messages } = lint(file);
      const reported = new Map<string, { complexity: number; label: string }>();
      const params = new Map<string, number>();
      for (const m of messages) {
        const key = `${m.line}:${m.column}`;
        if (m.ruleId === 'complexity') {
          const match = /^(.*) has a complexity of (\d+)\./.exec(m.message)!;
          reported.set(key, { complexity: Number(match[2]), label: match[1]! });
        } else if (m.ruleId === 'max-params') {
          params.set(key, Number(/\((\d+)\)/.exec(m.message)![1]));
        }
      }
      complexity.files++;
      for (const [key, expected] of reported) {
        complexity.compared++;
        const f = mine.get(key);
        if (f !== undefined && f.cyclomatic === expected.complexity && f.name === expectedName(expected.label)) complexity.matches++;
        else complexity.mismatches.push(`${file.path}:${key} ESLint ${expected.label}=${expected.complexity}, sonde ${f ? `${f.name}=${f.cyclomatic}` : 'no function'}`);
      }
      for (const key of mine.keys()) {
        if (!reported.has(key)) complexity.mismatches.push(`${file.path}:${key} sonde has a function ESLint does not report`);
      }
      const depthRun = depthLint(file);
      const depth = maxDepthByFunction(file.text, depthRun.messages, depthRun.containers);
      details.files++;
      for (const [key, f] of mine) {
        details.compared++;
        const expected = { params: params.get(key) ?? 0, maxDepth: depth.get(key) ?? 0 };
        if (f.params === expected.params && f.maxDepth === expected.maxDepth) details.matches++;
        else details.mismatches.push(`${file.path}:${key} ESLint ${JSON.stringify(expected)}, sonde params=${f.params} maxDepth=${f.maxDepth}`);
      }
    }
    printAgreement('ESLint complexity', 'functions', complexity);
    printAgreement('ESLint max-depth + max-params', 'functions', details);
    assert.ok(complexity.compared > 2000, `too few functions compared: ${complexity.compared}`);
    assert.deepEqual(complexity.mismatches, []);
    assert.deepEqual(details.mismatches, []);
  });
});

/**
 * max-depth reports each too-deep block, not the function: attribute each
 * report to the innermost function or static block of ESLint's own AST that
 * contains it (class field initializers have no depth counter of their own),
 * and keep the deepest per function.
 */
function maxDepthByFunction(text: string, messages: readonly LintMessage[], containers: readonly Container[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const m of messages) {
    if (m.ruleId !== 'max-depth') continue;
    const offset = offsetOf(text, m.line, m.column);
    let best: Container | undefined;
    for (const c of containers) {
      if (c.start <= offset && offset < c.end && (best === undefined || c.start >= best.start)) best = c;
    }
    if (best === undefined) continue; // top-level code: the program's depth, not a function's
    result.set(best.key, Math.max(result.get(best.key) ?? 0, Number(/\((\d+)\)/.exec(m.message)![1])));
  }
  return result;
}
