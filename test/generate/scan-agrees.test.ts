// "sonde's scan agrees with the ground truth": the real per-file analysis over a
// generated project must reproduce every file's physical lines and every
// function's line and cyclomatic complexity, 100%.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSourceAnalyzer } from '../../src/analysis/analyze-source.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/config/options.js';
import { generateProject } from '../../src/generate/index.js';

test('the analysis reproduces the ground truth: physical lines, function lines, cyclomatic', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sonde-gen-scan-'));
  try {
    const truth = generateProject({ size: 80, seed: 3, outDir: dir });
    const analyze = await loadSourceAnalyzer();
    const mismatches: string[] = [];
    let functions = 0;
    for (const file of truth.files) {
      const facts = analyze(file.path, readFileSync(join(dir, file.path), 'utf8'), DEFAULT_ANALYSIS_OPTIONS);
      if (facts.lines !== file.lines) mismatches.push(`${file.path}: ${facts.lines} lines, expected ${file.lines}`);
      const actual = facts.functions.map((f) => `${f.line}:${f.cyclomatic}`).sort();
      const expected = file.functions.map((f) => `${f.line}:${f.cyclomatic}`).sort();
      const missing = expected.filter((e) => !actual.includes(e));
      const extra = actual.filter((a) => !expected.includes(a));
      if (missing.length + extra.length > 0) mismatches.push(`${file.path}: missing ${missing.join(' ')} | unexpected ${extra.join(' ')}`);
      functions += expected.length;
    }
    assert.ok(functions > 500);
    assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} files disagree`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the analysis reproduces the code / comment / blank split and ESLint function names', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sonde-gen-scan-'));
  try {
    const truth = generateProject({ size: 40, seed: 4, outDir: dir });
    const analyze = await loadSourceAnalyzer();
    const mismatches: string[] = [];
    for (const file of truth.files) {
      const facts = analyze(file.path, readFileSync(join(dir, file.path), 'utf8'), DEFAULT_ANALYSIS_OPTIONS);
      const got = [facts.code, facts.comment, facts.blank].join('/');
      const want = [file.code, file.comment, file.blank].join('/');
      if (got !== want) mismatches.push(`${file.path}: code/comment/blank ${got}, expected ${want}`);
      const names = facts.functions.map((f) => `${f.line}:${f.name}`).sort();
      const expected = file.functions.map((f) => `${f.line}:${f.name}`).sort();
      if (names.join() !== expected.join()) {
        mismatches.push(`${file.path}: names ${names.filter((n) => !expected.includes(n)).join(' ')} vs ${expected.filter((n) => !names.includes(n)).join(' ')}`);
      }
    }
    assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} files disagree`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
