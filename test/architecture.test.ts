import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { findCycleGroups, toAdjacency } from '../src/graph/cycles.js';
import { createScanOptions, scan } from '../src/index.js';
import { REPO_ROOT } from './helpers/temp-tree.js';

interface Edge {
  readonly from: string;
  readonly to: string;
}

/** The top-level `src/` folder a file lives in; a file directly in `src/` is its own node. */
function topFolder(file: string): string {
  const slash = file.indexOf('/');
  return slash === -1 ? file : file.slice(0, slash);
}

/** The sub-folder one level down (`ui/kit/line.ts` → `ui/kit`); a file directly in a top-level folder is its own node. */
function subFolder(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : file;
}

/**
 * Every import cycle among the nodes that `group` maps files to, one line per
 * cycle group: the shortest cycle, then each edge inside the group with the
 * file imports that make it (`engine → parallel (parallel/worker.ts imports
 * engine/analyze-one.ts)`), so the message says which import to remove.
 */
function importCycles(edges: readonly Edge[], group: (file: string) => string): string[] {
  const fileEdges = new Map<string, Map<string, Edge[]>>();
  for (const edge of edges) {
    const from = group(edge.from);
    const to = group(edge.to);
    if (from === to && edge.from !== edge.to) continue;
    const row = fileEdges.get(from) ?? new Map<string, Edge[]>();
    fileEdges.set(from, row);
    row.set(to, [...(row.get(to) ?? []), edge]);
  }
  const names = [...new Set([...fileEdges.keys(), ...[...fileEdges.values()].flatMap((row) => [...row.keys()])])].sort();
  const id = new Map(names.map((name, i) => [name, i]));
  const pairs = [...fileEdges].flatMap(([from, row]) => [...row.keys()].map((to) => ({ from: id.get(from) as number, to: id.get(to) as number })));
  pairs.sort((a, b) => a.from - b.from || a.to - b.to);
  const describe = (from: string, to: string) => {
    const imports = fileEdges.get(from)?.get(to) ?? [];
    const shown = imports.slice(0, 3).map((e) => `${e.from} imports ${e.to}`);
    if (imports.length > 3) shown.push(`${imports.length - 3} more`);
    return `${from} → ${to} (${shown.join('; ')})`;
  };
  return findCycleGroups(names.length, toAdjacency(names.length, pairs)).map(({ members, cycle }) => {
    const inGroup = new Set(members.map((m) => names[m]));
    const inner = [...fileEdges]
      .filter(([from]) => inGroup.has(from))
      .flatMap(([from, row]) => [...row.keys()].filter((to) => inGroup.has(to)).map((to) => describe(from, to)));
    return `cycle ${cycle.map((m) => names[m]).join(' → ')}: ${inner.join(', ')}`;
  });
}

/**
 * The house, bottom to top: a module may import only from a lower rung.
 * Every top-level folder and top-level file of src/ is on exactly one rung;
 * docs/architecture.md draws the same ladder.
 */
const LADDER: readonly (readonly string[])[] = [
  ['types.ts', 'errors.ts', 'version.ts', 'io.ts'],
  ['util', 'text'],
  ['rules', 'profiler', 'generate'],
  ['config', 'graph', 'reporters'],
  ['analysis', 'cache'],
  ['parallel'],
  ['queue'],
  ['engine'],
  ['bench'],
  ['listeners', 'ui'],
  ['cli'],
  ['cli.ts', 'index.ts'],
  ['bin-main.ts'],
];

/** Every import between two rungs that does not go down, as `from → to (file imports file)`. */
function upwardImports(edges: readonly Edge[]): string[] {
  const rung = new Map(LADDER.flatMap((names, i) => names.map((name) => [name, i] as const)));
  const problems = new Set<string>();
  for (const edge of edges) {
    const from = topFolder(edge.from);
    const to = topFolder(edge.to);
    if (from === to) continue;
    for (const node of [from, to]) if (!rung.has(node)) problems.add(`${node} is on no rung of LADDER (test/architecture.test.ts, docs/architecture.md)`);
    if (rung.has(from) && rung.has(to) && rung.get(from)! <= rung.get(to)!) problems.add(`${from} → ${to} (${edge.from} imports ${edge.to})`);
  }
  return [...problems];
}

/** Source without comments, so a comment that names `process.exit` is no use of it. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('the cycle check itself', () => {
  it('names the folder edges of a cycle and ignores imports inside one folder', () => {
    const edges = [
      { from: 'engine/scan.ts', to: 'parallel/pool.ts' },
      { from: 'parallel/worker.ts', to: 'engine/analyze-one.ts' },
      { from: 'engine/scan.ts', to: 'engine/phases.ts' },
      { from: 'cli.ts', to: 'engine/scan.ts' },
    ];
    assert.deepEqual(importCycles(edges, topFolder), [
      'cycle engine → parallel → engine: engine → parallel (engine/scan.ts imports parallel/pool.ts), ' +
        'parallel → engine (parallel/worker.ts imports engine/analyze-one.ts)',
    ]);
    assert.deepEqual(importCycles(edges.slice(1), topFolder), []);
  });

  it('names an import that goes up the ladder, and a folder that is on no rung', () => {
    assert.deepEqual(upwardImports([{ from: 'engine/scan.ts', to: 'ui/kit/line.ts' }, { from: 'cli/x.ts', to: 'newroom/y.ts' }]), [
      'engine → ui (engine/scan.ts imports ui/kit/line.ts)',
      'newroom is on no rung of LADDER (test/architecture.test.ts, docs/architecture.md)',
    ]);
  });

  it('finds a file cycle, and a file that imports itself', () => {
    const edges = [
      { from: 'cache/a.ts', to: 'cache/b.ts' },
      { from: 'cache/b.ts', to: 'cache/a.ts' },
      { from: 'x.ts', to: 'x.ts' },
    ];
    assert.deepEqual(importCycles(edges, (file) => file), [
      'cycle cache/a.ts → cache/b.ts → cache/a.ts: cache/a.ts → cache/b.ts (cache/a.ts imports cache/b.ts), cache/b.ts → cache/a.ts (cache/b.ts imports cache/a.ts)',
      'cycle x.ts → x.ts: x.ts → x.ts (x.ts imports x.ts)',
    ]);
  });
});

/**
 * The layering rules, checked with sonde's own import graph (as
 * dependency-cruiser checks itself): no cycle between `src/` folders nor
 * between files; the engine and the analysis import no UI and no reporter;
 * Ink and React are imported only by the UI; only bin-main touches `process`
 * streams.
 */
describe('architecture', async () => {
  const result = await scan(createScanOptions(path.join(REPO_ROOT, 'src'), { parallel: 0, sampleIntervalMs: 0 }));
  const { edges, external } = result.crossFile.graph;
  const inLayer = (file: string, ...layers: string[]) => layers.some((layer) => file.startsWith(layer));

  it('no import cycle between src/ folders (type-only imports count)', () => {
    assert.deepEqual(importCycles(edges, topFolder), []);
  });

  it('every import between src/ folders goes down the ladder', () => {
    assert.deepEqual(upwardImports(edges), []);
  });

  it('no import cycle between the sub-folders of a src/ folder (ui/kit, bench/stats, …)', () => {
    assert.deepEqual(importCycles(edges, subFolder), []);
  });

  it('no import cycle between files (type-only imports count)', () => {
    assert.deepEqual(importCycles(edges, (file) => file), []);
  });

  it('ui/kit, the Ink building blocks, imports no other part of the UI', () => {
    const violations = edges.filter((edge) => inLayer(edge.from, 'ui/kit/') && inLayer(edge.to, 'ui/') && !inLayer(edge.to, 'ui/kit/'));
    assert.deepEqual(violations, []);
  });

  it('only bin-main touches the process: its streams, exit and signals', () => {
    const touching = result.crossFile.graph.nodes.filter(
      (file) => file !== 'bin-main.ts' && /\bprocess\.(stdout|stderr|stdin|exit|exitCode|on|once)\b/.test(stripComments(readFileSync(path.join(REPO_ROOT, 'src', file), 'utf8'))),
    );
    assert.deepEqual(touching, []);
  });

  it('the engine, analysis, cache, graph and workers import no UI, reporter or CLI module', () => {
    const core = ['engine/', 'analysis/', 'cache/', 'graph/', 'parallel/', 'rules/', 'profiler/'];
    const violations = edges.filter((edge) => inLayer(edge.from, ...core) && inLayer(edge.to, 'ui/', 'reporters/', 'cli/', 'listeners/'));
    assert.deepEqual(violations, []);
  });

  it('only src/ui imports ink and react', () => {
    const violations = external.filter(
      (ref) => /^(ink|react)(\/|$)/.test(ref.specifier) && !inLayer(ref.from, 'ui/'),
    );
    assert.deepEqual(violations, []);
  });

  it('reporters are pure: they import no engine, fs or UI module', () => {
    const violations = [
      ...edges.filter((edge) => inLayer(edge.from, 'reporters/') && inLayer(edge.to, 'engine/', 'ui/', 'cli/')),
      ...external.filter((ref) => inLayer(ref.from, 'reporters/') && /^(node:)?fs/.test(ref.specifier)),
    ];
    assert.deepEqual(violations, []);
  });

  it('the graph has the source files and no unresolved relative import', () => {
    assert.ok(result.crossFile.graph.nodes.length > 30);
    assert.deepEqual(result.crossFile.graph.unresolved, []);
  });
});
