import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allFindings, compareFindings, findingGroups, findingTotals, hotspots } from '../../src/reporters/report-model.js';
import { compareCodeUnits } from '../../src/util/compare.js';
import type { FileResult, Finding } from '../../src/types.js';
import { facts, file, fn, makeResult } from './fixtures.js';

/** A deterministic pseudo-random source (tests must not flake). */
function seeded(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * below);
  };
}

/** Many files with random functions and findings, listed out of path order, with ties on purpose. */
function randomScan(seed: number) {
  const random = seeded(seed);
  const files: FileResult[] = [];
  const fileFindings = new Map<string, Finding[]>();
  for (let index = 0; index < 60; index++) {
    const path = `src/${String.fromCharCode(97 + random(6))}/${random(1000)}-${index}.ts`;
    const functions = Array.from({ length: random(8) }, (_, n) =>
      fn(`f${n}`, 1 + random(50), { column: 1 + random(3), cyclomatic: 1 + random(6), cognitive: random(5) }),
    );
    files.push(file(path, facts({ functions }), random(10) === 0 ? { error: { code: 'binary', message: 'Binary' } } : {}));
    fileFindings.set(
      path,
      Array.from({ length: random(5) }, () => ({
        rule: random(2) ? 'complexity' : 'max-depth',
        severity: 'warning' as const,
        line: 1 + random(20),
        column: 1,
        message: `m${random(3)}`,
      })),
    );
  }
  const crossFile = Array.from({ length: 30 }, () => ({
    rule: 'unused-export',
    severity: 'info' as const,
    path: files[random(files.length)].path,
    line: 1 + random(20),
    column: 1,
    message: `x${random(3)}`,
  }));
  return makeResult({ files, fileFindings, crossFile: { graph: makeResult().crossFile.graph, findings: crossFile } });
}

describe('report model', () => {
  it('hotspots(top) is the head of the full stable sort, ties included, for every top', () => {
    for (const seed of [1, 2, 3]) {
      const result = randomScan(seed);
      const everything = result.files
        .filter((entry) => !entry.error && entry.facts)
        .flatMap((entry) => entry.facts!.functions.map((f) => ({ path: entry.path, fn: f })))
        .sort(
          (a, b) =>
            b.fn.cyclomatic - a.fn.cyclomatic ||
            b.fn.cognitive - a.fn.cognitive ||
            compareCodeUnits(a.path, b.path) ||
            a.fn.line - b.fn.line ||
            a.fn.column - b.fn.column,
        );
      for (const top of [0, 1, 5, 10, 37, 150, 10_000]) assert.deepEqual(hotspots(result, top), everything.slice(0, top), `seed ${seed}, top ${top}`);
    }
  });

  it('allFindings equals sorting every located finding at once', () => {
    for (const seed of [4, 5, 6]) {
      const result = randomScan(seed);
      const expected = [
        ...result.files.flatMap((entry) =>
          entry.error ? [] : (result.fileFindings.get(entry.path) ?? []).map((finding) => ({ ...finding, path: entry.path })),
        ),
        ...result.crossFile.findings,
      ].sort(compareFindings);
      assert.deepEqual(allFindings(result), expected, `seed ${seed}`);
    }
  });

  it('findingGroups is allFindings cut at each path change, and findingTotals counts the same', () => {
    for (const seed of [7, 8, 9, 10]) {
      const result = randomScan(seed);
      const all = allFindings(result);
      const groups = [...findingGroups(result)];
      assert.deepEqual(
        groups.flatMap((group) => group.findings.map((finding) => ({ ...finding, path: group.path }))),
        all,
        `seed ${seed}`,
      );
      for (let index = 1; index < groups.length; index++) assert.notEqual(groups[index]!.path, groups[index - 1]!.path);
      const bySeverity = { error: 0, warning: 0, info: 0 };
      for (const finding of all) bySeverity[finding.severity] += 1;
      assert.deepEqual(findingTotals(result), { total: all.length, bySeverity, files: groups.length }, `seed ${seed}`);
    }
  });
});
