/**
 * Oracle: ESLint 10's core `complexity` rule (threshold 0, so every function
 * is reported) with @typescript-eslint/parser. The SET of functions must be
 * equal (same line:column), and per function the cyclomatic number and the
 * name in ESLint's message. `max-depth` and `max-params` (threshold 0) check
 * maxDepth and params on the same functions. No allow-list: no known mismatch.
 *
 * Oracle: eslint-plugin-sonarjs 4 `cognitive-complexity` (S3776), threshold
 * 0, so every function with a score above 0 is reported. sonarjs reports a
 * function at another token than ESLint's `complexity` (a declaration's name,
 * a method's key); the pairing rule in oracle-setup.ts asks both libraries'
 * own location helpers to map one to the other. Equal per reported function,
 * and every sonde function with cognitive > 0 must be reported. No allow-list.
 *
 * Both share one sonde analysis and one ESLint pass over the corpus (oracleCorpus).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FunctionFacts } from '../../src/types.js';
import { type Container, type LintMessage, newAgreement, offsetOf, oracleCorpus, printAgreement } from './oracle-setup.js';

describe('oracle: sonarjs cognitive-complexity', () => {
  it('gives every function the cognitive complexity sonarjs reports for it', async () => {
    const { files, facts, runs } = await oracleCorpus();
    const agreement = newAgreement();
    for (const file of files) {
      const functions = facts.get(file.path)!.functions;
      const mine = new Map(functions.map((f) => [`${f.line}:${f.column}`, f]));
      const { messages, sonarToEslint } = runs.get(file.path)!;
      const reported = new Set<string>();
      agreement.files++;
      for (const m of messages) {
        if (m.ruleId !== 'sonarjs/cognitive-complexity') continue;
        agreement.compared++;
        const expected = Number(/from (\d+) to/.exec(m.message)![1]);
        const key = sonarToEslint.get(`${m.line}:${m.column}`);
        const f = key === undefined ? undefined : mine.get(key);
        if (key !== undefined) reported.add(key);
        if (f !== undefined && f.cognitive === expected) agreement.matches++;
        else agreement.mismatches.push(`${file.path}:${m.line}:${m.column} sonarjs ${expected}, sonde ${f ? `${f.name}=${f.cognitive}` : 'no function'}`);
      }
      for (const f of functions) {
        if (f.cognitive > 0 && !reported.has(`${f.line}:${f.column}`)) {
          agreement.mismatches.push(`${file.path}:${f.line}:${f.column} sonde ${f.name}=${f.cognitive}, sonarjs reports nothing`);
        }
      }
    }
    printAgreement('sonarjs cognitive-complexity', 'functions', agreement);
    assert.ok(agreement.compared > 700, `too few functions compared: ${agreement.compared}`);
    assert.deepEqual(agreement.mismatches, []);
  });
});

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
    const { files, facts, runs } = await oracleCorpus();
    const complexity = newAgreement();
    const details = newAgreement();
    for (const file of files) {
      const mine = new Map<string, FunctionFacts>(facts.get(file.path)!.functions.map((f) => [`${f.line}:${f.column}`, f]));
      const run = runs.get(file.path)!;
      const { messages } = run;
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
      const depth = maxDepthByFunction(file.text, messages, run.containers);
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

/** sonde's pseudo-functions, which ESLint's max-lines-per-function (functions only) never visits. */
function isPseudoFunction(f: FunctionFacts): boolean {
  return f.name === '<class field initializer>' || f.name === '<class static block>';
}

describe('oracle: ESLint max-lines-per-function', () => {
  it('gives every function ESLint reports its length, and skips the same IIFEs', async () => {
    const { files, facts, runs } = await oracleCorpus();
    const length = newAgreement();
    let iifes = 0;
    for (const file of files) {
      const mine = new Map<string, FunctionFacts>(facts.get(file.path)!.functions.map((f) => [`${f.line}:${f.column}`, f]));
      const reported = new Map<string, number>();
      for (const m of runs.get(file.path)!.messages) {
        if (m.ruleId !== 'max-lines-per-function') continue;
        reported.set(`${m.line}:${m.column}`, Number(/has too many lines \((\d+)\)/.exec(m.message)![1]));
      }
      length.files++;
      for (const [key, expected] of reported) {
        length.compared++;
        const f = mine.get(key);
        if (f !== undefined && f.length === expected && f.iife !== true) length.matches++;
        else length.mismatches.push(`${file.path}:${key} ESLint ${expected}, sonde ${f ? `${f.name}=${f.length}${f.iife === true ? ' (IIFE)' : ''}` : 'no function'}`);
      }
      for (const [key, f] of mine) {
        if (isPseudoFunction(f) || reported.has(key)) continue;
        if (f.iife === true) iifes++;
        else length.mismatches.push(`${file.path}:${key} sonde ${f.name}=${f.length} is no IIFE, but ESLint skips it`);
      }
    }
    printAgreement('ESLint max-lines-per-function', 'functions', length);
    console.log(`[oracle] ESLint max-lines-per-function: ${iifes} IIFEs skipped by both`);
    assert.ok(length.compared > 1900, `too few functions compared: ${length.compared}`);
    assert.ok(iifes > 0, 'the corpus should hold IIFEs');
    assert.deepEqual(length.mismatches, []);
  });
});
