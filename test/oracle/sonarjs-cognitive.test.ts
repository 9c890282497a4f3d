/**
 * Oracle: eslint-plugin-sonarjs 4 `cognitive-complexity` (S3776), threshold
 * 0, so every function with a score above 0 is reported. sonarjs reports a
 * function at another token than ESLint's `complexity` (a declaration's name,
 * a method's key); the pairing rule in oracle-setup.ts asks both libraries'
 * own location helpers to map one to the other. Equal per reported function,
 * and every sonde function with cognitive > 0 must be reported. No allow-list.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeCorpus, corpus, createOracle, newAgreement, printAgreement } from './oracle-setup.js';

describe('oracle: sonarjs cognitive-complexity', () => {
  it('gives every function the cognitive complexity sonarjs reports for it', async () => {
    const files = corpus();
    const facts = await analyzeCorpus(files);
    const lint = createOracle({ 'sonarjs/cognitive-complexity': ['error', 0] });
    const agreement = newAgreement();
    for (const file of files) {
      const functions = facts.get(file.path)!.functions;
      const mine = new Map(functions.map((f) => [`${f.line}:${f.column}`, f]));
      const { messages, sonarToEslint } = lint(file);
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
