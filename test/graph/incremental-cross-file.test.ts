/**
 * The watcher's incremental cross-file pass must give exactly what the full
 * pass gives, whatever sequence of edits, additions and deletions led to
 * the current files (resolutions memoized across edits must never go stale).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { analyzeCrossFile, type CrossFileOptions } from '../../src/graph/cross-file.js';
import { IncrementalCrossFile } from '../../src/graph/incremental-cross-file.js';
import type { FileResult } from '../../src/types.js';
import { compareCodeUnits } from '../../src/util/compare.js';
import { makeTempDir } from '../helpers/temp-tree.js';
import { exp, file, imp, RULES } from './helpers.js';

const options: CrossFileOptions = { root: makeTempDir('sonde-graph-'), entries: [], ignoreTypeOnlyCycles: false, rules: RULES };
// Real results carry their content's hash, which the incremental pass keys its per-file memo on.
const sorted = (files: FileResult[]) =>
  files.map((f) => ({ ...f, hash: createHash('sha256').update(JSON.stringify(f.facts)).digest('hex') })).sort((a, b) => compareCodeUnits(a.path, b.path));

/** Files that several steps hold unchanged. */
const b = file('b.ts', [imp('./a', ['x'], { line: 1 }), imp('./c', ['*'], { line: 2, kind: 'reexport' })], [exp('y', 3), exp('*', 4, { from: './c' })]);
const c = file('c.ts', [], [exp('z', 1), exp('w', 2)]);
/** c.ts after a read error: no facts, so it leaves the graph. */
const cGone: FileResult = { ...file('c.ts', [], []), facts: null, error: { code: 'unreadable', message: 'gone' } };
const aImportsE = file('a.ts', [imp('./e', ['e'], { line: 1 })], [exp('x', 2)]);
const e = file('e.ts', [imp('./a', ['x'], { line: 1 })], [exp('e', 2)]);

/** Each step: the files after it, and the paths it changed. */
const steps: { files: FileResult[]; changed: string[]; pathSetChanged: boolean }[] = [
  {
    files: [
      file('a.ts', [imp('./b', ['y'], { line: 1 })], [exp('x', 2)]),
      b,
      c,
      file('d.ts', [imp('./b', ['z'], { line: 1 })], [exp('d', 2)]),
    ],
    changed: [],
    pathSetChanged: true,
  },
  // An edit breaks the cycle and stops using z through the barrel.
  {
    files: [
      file('a.ts', [], [exp('x', 2)]),
      b,
      c,
      file('d.ts', [imp('./b', ['w'], { line: 1 })], [exp('d', 2)]),
    ],
    changed: ['a.ts', 'd.ts'],
    pathSetChanged: false,
  },
  // A new file that an existing import now resolves to, and a deletion.
  {
    files: [aImportsE, b, c, e],
    changed: ['a.ts', 'd.ts', 'e.ts'],
    pathSetChanged: true,
  },
  // A file loses its facts (a read error): it leaves the graph.
  {
    files: [aImportsE, b, cGone, e],
    changed: ['c.ts'],
    pathSetChanged: false,
  },
  // An edit that leaves imports and exports alone (a function body), then one that only moves an export's line.
  {
    files: [aImportsE, b, cGone, e],
    changed: ['a.ts'],
    pathSetChanged: false,
  },
  {
    files: [
      aImportsE,
      file('b.ts', [imp('./a', ['x'], { line: 1 }), imp('./c', ['*'], { line: 2, kind: 'reexport' })], [exp('y', 9), exp('*', 4, { from: './c' })]),
      cGone,
      e,
    ],
    changed: ['b.ts'],
    pathSetChanged: false,
  },
];

describe('IncrementalCrossFile', () => {
  it('gives the full pass result after every step', async () => {
    const incremental = new IncrementalCrossFile(options);
    for (const [index, step] of steps.entries()) {
      const files = sorted(step.files);
      const full = await analyzeCrossFile(files, options);
      const got = await incremental.update(files, { changed: step.changed, pathSetChanged: step.pathSetChanged, projectChanged: false });
      assert.deepEqual(got, full, `step ${index}`);
    }
  });

  it('finds something to report, so the comparison above is not vacuous', async () => {
    const full = await analyzeCrossFile(sorted(steps[0].files), options);
    assert.deepEqual(
      full.findings.map((finding) => `${finding.path} ${finding.rule}`),
      ['a.ts import-cycle', 'c.ts unused-export', 'd.ts unused-export'],
    );
  });
});
