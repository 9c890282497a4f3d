/**
 * Monorepos through the full pipeline: every nested package's entries
 * (mapped from build output back to sources), imports through symlinks,
 * one summarised note for entries that map to nothing, and `index.*` as the
 * entry of a folder without any package.json.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createScanOptions, scan } from '../../src/index.js';
import { defaultRulesConfig } from '../../src/rules/index.js';
import type { RulesConfig } from '../../src/rules/rule.js';
import { parsePnpmWorkspace } from '../../src/graph/project-config.js';
import { makeTempTree, removeTree } from '../helpers/temp-tree.js';
import { makeViteLike, TRULY_UNUSED } from './vite-like.js';

function onlyUnusedExport(): RulesConfig {
  const defaults = defaultRulesConfig();
  return Object.fromEntries(Object.entries(defaults).map(([id, config]) => [id, { ...config, enabled: id === 'unused-export' }]));
}

const unusedOf = async (root: string, parallel = 0) => {
  const result = await scan(createScanOptions(root, { parallel, sampleIntervalMs: 0, rules: onlyUnusedExport() }));
  const names = result.crossFile.findings.map((f) => `${f.path}:${f.line} ${/'([^']+)'/.exec(f.message)?.[1] ?? 'default'}`);
  return { result, names };
};

describe('unused-export on a workspace shaped like vite', () => {
  it('reports exactly the exports nothing uses', async () => {
    const root = makeViteLike();
    try {
      const { result, names } = await unusedOf(root);
      assert.deepEqual(names, TRULY_UNUSED);
      // One summarised note for the one entry that maps to nothing, naming its package.json.
      const notes = result.warnings.filter((w) => w.includes('package.json'));
      assert.equal(notes.length, 1, notes.join('\n'));
      assert.match(notes[0]!, /^1 package\.json entry matches no scanned file \(e\.g\. packages\/vite\/package\.json exports, target 7\)$/);
      // Both links are skipped, and their targets scanned once, at their own paths.
      assert.deepEqual(result.skipped.map((s) => s.path), ['packages/vite/src/node/shared-link', 'packages/vite/src/node/utils.ts']);
      const paths = result.files.map((f) => f.path);
      assert.equal(paths.filter((p) => p.endsWith('shared/utils.ts')).length, 1);
      assert.ok(!paths.some((p) => p.includes('shared-link')));
      // Imports through the symlinked file and folder, and of a workspace by its name, reach the sources.
      const edges = result.crossFile.graph.edges.map((e) => `${e.from} -> ${e.to}`);
      for (const edge of [
        'packages/vite/src/node/build.ts -> packages/vite/src/shared/utils.ts',
        'packages/vite/src/node/server.ts -> packages/vite/src/shared/more.ts',
        'packages/plugin-react/src/index.ts -> packages/vite/src/node/index.ts',
      ]) {
        assert.ok(edges.includes(edge), edge);
      }
      assert.deepEqual(result.crossFile.graph.unresolved.map((u) => u.specifier), ['../dist/node/cli.js']);
      // The same findings with workers.
      assert.deepEqual((await unusedOf(root, 2)).names, TRULY_UNUSED);
    } finally {
      removeTree(root);
    }
  });

  it('summarises many unmapped entries as one note: the count and three examples', async () => {
    const exports = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`./m${i}`, `./dist/m${i}.js`]));
    const root = makeTempTree({ 'package.json': JSON.stringify({ name: 'x', exports }), 'src/index.ts': 'export const a = 1;\n' });
    try {
      const { result } = await unusedOf(root);
      const notes = result.warnings.filter((w) => w.includes('package.json'));
      assert.deepEqual(notes.length, 1);
      assert.ok(!notes[0]!.includes('dist'), 'a note never quotes package.json values');
      assert.match(notes[0]!, /^50 package\.json entries match no scanned file \(e\.g\. package\.json exports, target 1; package\.json exports, target 2; package\.json exports, target 3; …\)$/);
    } finally {
      removeTree(root);
    }
  });

  it('takes index.* at the root as the entry when there is no package.json at all', async () => {
    const files = { 'index.ts': "export { a } from './a';\nexport const b = 1;\n", 'a.ts': 'export const a = 1;\nexport const lost = 2;\n' };
    const root = makeTempTree(files);
    try {
      assert.deepEqual((await unusedOf(root)).names, ['a.ts:2 lost']);
    } finally {
      removeTree(root);
    }
  });

  it('imports a pnpm workspace by name, but not a nested package that is no workspace', async () => {
    const root = makeTempTree({
      'package.json': '{"private": true}',
      'pnpm-workspace.yaml': 'packages:\n  - "libs/*"   # the libraries\n  - \'!libs/skip\'\nonlyBuiltDependencies:\n  - esbuild\n',
      'libs/core/package.json': JSON.stringify({ name: '@x/core', exports: { './util': './dist/util.js' } }),
      'libs/core/src/util.ts': 'export const u = 1;\n',
      'libs/core/src/internal.ts': 'export const i = 1;\n',
      'test/fixtures/fake/package.json': JSON.stringify({ name: 'react', main: 'index.js' }),
      'test/fixtures/fake/index.js': 'export const fake = 1;\n',
      'app/main.ts': "import { u } from '@x/core/util';\nimport { useState } from 'react';\nexport default [u, useState];\n",
    });
    try {
      const { result } = await unusedOf(root);
      const edges = result.crossFile.graph.edges.map((e) => `${e.from} -> ${e.to}`);
      assert.deepEqual(edges, ['app/main.ts -> libs/core/src/util.ts']);
      assert.deepEqual(result.crossFile.graph.external.map((e) => e.specifier), ['react']);
    } finally {
      removeTree(root);
    }
  });

  it('reads the packages list of pnpm-workspace.yaml and nothing else', () => {
    const yaml = "# comment\nother:\n  - no\npackages:\n  - 'packages/*'\n  - \"apps/**\"\n  - tools # trailing\n  -\ncatalog:\n  react: ^18\n";
    assert.deepEqual(parsePnpmWorkspace(yaml), ['packages/*', 'apps/**', 'tools']);
    assert.deepEqual(parsePnpmWorkspace('packages: [a, b]\n'), []);
  });
});
