/**
 * The cross-file pass on fixtures/graph-* mini-projects, each with its table
 * of expected findings (expected.json). Facts come from a TypeScript-parser
 * extractor standing in for the per-file analysis.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fg from 'fast-glob';
import { analyzeCrossFile } from '../../src/graph/cross-file.js';
import type { RulesConfig } from '../../src/rules/rule.js';
import { loadFiles } from './extract-facts.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures');

interface Expected {
  readonly rules: string[];
  readonly entries?: string[];
  readonly cases: {
    readonly ignoreTypeOnlyCycles: boolean;
    readonly findings: string[];
    readonly edges?: string[];
    readonly external?: string[];
    readonly unresolved?: string[];
  }[];
}

for (const name of ['graph-cycles', 'graph-reexports', 'graph-aliases', 'graph-unused']) {
  describe(`fixture ${name}`, () => {
    const root = path.join(FIXTURES, name);
    const expected = JSON.parse(readFileSync(path.join(root, 'expected.json'), 'utf8')) as Expected;
    const rules: RulesConfig = Object.fromEntries(
      ['import-cycle', 'unused-export'].map((id) => [id, { enabled: expected.rules.includes(id), severity: 'warning' as const }]),
    );
    for (const c of expected.cases) {
      it(`ignoreTypeOnlyCycles=${c.ignoreTypeOnlyCycles}`, async () => {
        const paths = fg.sync('**/*.{ts,tsx,js}', { cwd: root }).sort();
        const result = await analyzeCrossFile(loadFiles(root, paths), {
          root,
          entries: expected.entries ?? [],
          ignoreTypeOnlyCycles: c.ignoreTypeOnlyCycles,
          rules,
        });
        assert.deepEqual(result.findings.map((f) => `${f.path}:${f.line} ${f.rule} ${f.message}`), c.findings);
        if (c.edges) {
          const edges = result.graph.edges.map((e) => `${e.from} -> ${e.to} (${e.specifier})${e.typeOnly ? ' type-only' : ''}`);
          assert.deepEqual(edges, c.edges);
        }
        if (c.external) assert.deepEqual(result.graph.external.map((e) => `${e.from}: ${e.specifier}`), c.external);
        if (c.unresolved) assert.deepEqual(result.graph.unresolved.map((e) => `${e.from}: ${e.specifier}`), c.unresolved);
        assert.deepEqual(result.notes, []);
      });
    }
  });
}
