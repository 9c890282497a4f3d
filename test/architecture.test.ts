import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createScanOptions, scan } from '../src/index.js';
import { REPO_ROOT } from './helpers/temp-tree.js';

/**
 * The layering rules, checked with sonde's own import graph (as
 * dependency-cruiser checks itself): the engine and the analysis import no
 * UI and no reporter; Ink and React are imported only by the UI; only
 * bin-main touches `process` streams.
 */
describe('architecture', async () => {
  const result = await scan(createScanOptions(path.join(REPO_ROOT, 'src'), { parallel: 0, sampleIntervalMs: 0 }));
  const { edges, external } = result.crossFile.graph;
  const inLayer = (file: string, ...layers: string[]) => layers.some((layer) => file.startsWith(layer));

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
