import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createScanOptions, scan } from '../../src/index.js';
import { REPO_ROOT } from '../helpers/temp-tree.js';

/**
 * The import graph and its cycles against an established tool, on real code:
 * dependency-cruiser 17 on rxjs 7.8.2's sources (with the package's tsconfig).
 * dependency-cruiser marks a→b `circular` when b reaches a, i.e. when a and b
 * share a strongly connected component — exactly sonde's cycle groups — so
 * the sets of circular edges must agree, and every difference is explained.
 */
interface DcResult {
  readonly modules: { readonly source: string; readonly dependencies: { resolved: string; circular: boolean }[] }[];
}

const PACKAGE_ROOT = path.join(REPO_ROOT, 'node_modules', 'rxjs');

/** Shortest path from `start` to `goal` over "a -> b" edges, or undefined. */
function pathBetween(edges: ReadonlySet<string>, start: string, goal: string): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const [from, to] = edge.split(' -> ') as [string, string];
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const parent = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const node of next.get(queue[i]!) ?? []) {
      if (parent.has(node)) continue;
      parent.set(node, queue[i]!);
      if (node === goal) {
        const out = [node];
        for (let at = node; at !== start; at = parent.get(at)!) out.push(parent.get(at)!);
        return out.reverse();
      }
      queue.push(node);
    }
  }
  return undefined;
}

const only = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].filter((edge) => !b.has(edge)).sort();

describe('import graph vs dependency-cruiser on rxjs/src', async () => {
  const json = execFileSync(
    path.join(REPO_ROOT, 'node_modules', '.bin', 'depcruise'),
    ['src', '--no-config', '--ts-pre-compilation-deps', '--ts-config', 'tsconfig.json', '--output-type', 'json'],
    { cwd: PACKAGE_ROOT, maxBuffer: 1 << 28 },
  ).toString();
  const theirs = JSON.parse(json) as DcResult;
  const result = await scan(createScanOptions(PACKAGE_ROOT, { include: ['src/**'], parallel: 0, sampleIntervalMs: 0 }));
  const { graph } = result.crossFile;
  const nodes = new Set(graph.nodes);

  const theirEdges = new Set<string>();
  const theirCircular = new Set<string>();
  for (const module of theirs.modules) {
    for (const dependency of module.dependencies) {
      if (!nodes.has(module.source) || !nodes.has(dependency.resolved)) continue;
      theirEdges.add(`${module.source} -> ${dependency.resolved}`);
      if (dependency.circular) theirCircular.add(`${module.source} -> ${dependency.resolved}`);
    }
  }
  const ourEdges = new Set(graph.edges.map((edge) => `${edge.from} -> ${edge.to}`));
  // An edge is circular when its target reaches back to its source.
  const ourCircular = new Set([...ourEdges].filter((edge) => {
    const [from, to] = edge.split(' -> ') as [string, string];
    return pathBetween(ourEdges, to, from) !== undefined;
  }));
  const agreement = (a: Set<string>, b: Set<string>) => {
    const both = [...a].filter((edge) => b.has(edge)).length;
    return `${both} of ${new Set([...a, ...b]).size} (${((100 * both) / new Set([...a, ...b]).size).toFixed(1)}%)`;
  };

  it('finds every import edge dependency-cruiser finds, except /// <reference path> directives', (t) => {
    t.diagnostic(`edges: sonde ${ourEdges.size}, dependency-cruiser ${theirEdges.size}, agree on ${agreement(ourEdges, theirEdges)}`);
    assert.ok(ourEdges.size > 1000);
    assert.deepEqual(only(ourEdges, theirEdges), []);
    for (const edge of only(theirEdges, ourEdges)) {
      // sonde follows module syntax only; a triple-slash reference is not an import.
      const [from, to] = edge.split(' -> ') as [string, string];
      const source = readFileSync(path.join(PACKAGE_ROOT, from), 'utf8');
      const target = path.posix.relative(path.posix.dirname(from), to);
      assert.match(source, new RegExp(`/// <reference path="(\\./)?${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`), edge);
    }
  });

  it('marks the same edges circular, and each extra one has a return path in dependency-cruiser\'s own edges', (t) => {
    t.diagnostic(`circular edges: sonde ${ourCircular.size}, dependency-cruiser ${theirCircular.size}, agree on ${agreement(ourCircular, theirCircular)}`);
    assert.deepEqual(only(theirCircular, ourCircular), []);
    for (const edge of only(ourCircular, theirCircular)) {
      const [from, to] = edge.split(' -> ') as [string, string];
      // Its depth-first search shares one visited set and can miss a cycle; the path is there.
      assert.ok(pathBetween(theirEdges, to, from), `${edge}: no return path in dependency-cruiser's edges`);
    }
  });

  it('reports each cycle group once', () => {
    const cycles = result.crossFile.findings.filter((finding) => finding.rule === 'import-cycle');
    assert.equal(cycles.length, 4);
    assert.ok(cycles.some((finding) => /Scheduler\.ts → src\/internal\/scheduler\/Action\.ts → src\/internal\/Scheduler\.ts/.test(finding.message)));
  });
});
