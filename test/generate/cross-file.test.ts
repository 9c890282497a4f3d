// The cross-file pass (src/graph) against the generator's planted cycles and unused exports.
// Per-file imports/exports come from the graph tests' TypeScript-parser stand-in, so this
// checks the generator and the graph pass without depending on the metrics analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeCrossFile } from '../../src/graph/cross-file.js';
import { stronglyConnectedComponents, toAdjacency } from '../../src/graph/cycles.js';
import type { FileResult } from '../../src/types.js';
import { generateProject } from '../../src/generate/index.js';
import { extractFacts } from '../graph/extract-facts.js';

test('import cycles and unused exports found by the cross-file pass equal the ground truth', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sonde-gen-graph-'));
  try {
    const truth = generateProject({ size: 'small', seed: 5, outDir: dir });
    const files: FileResult[] = truth.files.map((f) => {
      const text = readFileSync(join(dir, f.path), 'utf8');
      return { path: f.path, size: text.length, hash: '', facts: extractFacts(f.path, text), error: null, cached: false };
    });
    const result = await analyzeCrossFile(files, {
      root: dir,
      entries: [],
      ignoreTypeOnlyCycles: false,
      rules: { 'import-cycle': { enabled: true, severity: 'warning' }, 'unused-export': { enabled: true, severity: 'info' } },
    });
    assert.equal(result.graph.unresolved.length, 0, JSON.stringify(result.graph.unresolved.slice(0, 3)));

    const index = new Map(result.graph.nodes.map((p, i) => [p, i]));
    const edges = result.graph.edges.map((e) => ({ from: index.get(e.from) ?? -1, to: index.get(e.to) ?? -1 }));
    const sccs = stronglyConnectedComponents(result.graph.nodes.length, toAdjacency(result.graph.nodes.length, edges))
      .filter((c) => c.length > 1)
      .map((c) => c.map((i) => result.graph.nodes[i]).sort())
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    assert.deepEqual(sccs, truth.cycles);
    const cycleFindings = result.findings.filter((f) => f.rule === 'import-cycle');
    assert.equal(cycleFindings.length, truth.cycles.length);

    const unused = result.findings
      .filter((f) => f.rule === 'unused-export')
      .map((f) => ({ path: f.path, name: /^'([^']+)'/.exec(f.message)?.[1] ?? (f.message.startsWith('Default export') ? 'default' : '?'), line: f.line }))
      .sort((a, b) => (a.path! < b.path! ? -1 : a.path! > b.path! ? 1 : a.line - b.line));
    assert.deepEqual(unused, truth.unusedExports);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
