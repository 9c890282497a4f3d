/**
 * sonde's comparison and interval against reference values computed once
 * with SciPy (test/fixtures/bench-stats-reference.py → .json, checked in):
 * an outside implementation, so a shared mistake cannot pass unnoticed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compareSamples, summarize } from '../../../src/bench/stats/index.js';

interface Reference {
  readonly scipy: string;
  readonly comparisons: readonly {
    name: string;
    candidate: number[];
    reference: number[];
    alpha: number;
    ratio: number;
    low: number;
    high: number;
    pValue: number;
    df: number;
    verdict: string;
  }[];
  readonly summaries: readonly { name: string; samples: number[]; geoMean: number; ci95: [number, number]; relativeMarginOfError: number; normalMeanCi95: [number, number] }[];
}

// dist/test/bench/stats → the source tree's test/fixtures (the JSON is not compiled).
const FIXTURE = fileURLToPath(new URL('../../../../test/fixtures/bench-stats-reference.json', import.meta.url));
const ref = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Reference;

function close(actual: number, expected: number, relative: number, label: string): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.max(1e-12, Math.abs(expected)), `${label}: expected ${expected}, got ${actual}`);
}

test('the fixture comes from SciPy and covers each verdict', () => {
  assert.match(ref.scipy, /^\d+\.\d+/);
  assert.deepEqual(new Set(ref.comparisons.map((c) => c.verdict)), new Set(['faster', 'slower', 'within noise']));
});

for (const c of ref.comparisons) {
  test(`compareSamples matches SciPy: ${c.name}`, () => {
    const got = compareSamples(c.candidate, c.reference, { alpha: c.alpha });
    close(got.speedup.ratio, c.ratio, 1e-12, 'ratio');
    close(got.speedup.low, c.low, 1e-7, 'low');
    close(got.speedup.high, c.high, 1e-7, 'high');
    close(got.df, c.df, 1e-9, 'df');
    // Tiny p-values: compare absolutely; the interval decides the verdict anyway.
    assert.ok(Math.abs(got.pValue - c.pValue) <= 1e-7 + 1e-6 * c.pValue, `p: expected ${c.pValue}, got ${got.pValue}`);
    assert.equal(got.verdict, c.verdict);
    // One story: the interval excludes 1 exactly when p < α.
    assert.equal(got.speedup.low > 1 || got.speedup.high < 1, got.pValue < c.alpha);
  });
}

for (const s of ref.summaries) {
  test(`summarize's interval matches SciPy and stays positive: ${s.name}`, () => {
    const got = summarize(s.samples);
    close(got.geoMean, s.geoMean, 1e-12, 'geoMean');
    close(got.ci95[0], s.ci95[0], 1e-7, 'ci low');
    close(got.ci95[1], s.ci95[1], 1e-7, 'ci high');
    close(got.relativeMarginOfError, s.relativeMarginOfError, 1e-7, 'rme');
    assert.ok(got.ci95[0] > 0);
  });
}

test('the skewed case is one where a normal interval of the mean would go negative', () => {
  const skewed = ref.summaries.find((s) => s.name === 'skewed');
  assert.ok(skewed && skewed.normalMeanCi95[0] < 0);
});
