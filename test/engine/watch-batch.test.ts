import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TreeChange } from '../../src/engine/watch/tree-watcher.js';
import { sortBatch, type BatchContext } from '../../src/engine/watch/watch-batch.js';

const known = new Set(['src/a.ts', 'src/big.min.js']);
const context: BatchContext = { knows: (rel) => known.has(rel), anyExtension: false, configRel: 'conf/sonde.json' };
const sort = (entries: [string, TreeChange][], over: Partial<BatchContext> = {}) => sortBatch(new Map(entries), { ...context, ...over });

describe('sortBatch', () => {
  it('re-reads a known file that changed, and walks again when one is deleted', () => {
    assert.deepEqual(sort([['src/a.ts', 'change']]), { reread: ['src/a.ts'], rediscover: false, project: [], config: false });
    assert.deepEqual(sort([['src/a.ts', 'unlink']]), { reread: [], rediscover: true, project: [], config: false });
  });

  it('walks again for a new source file, a folder event or a .gitignore, not for a new README', () => {
    for (const change of [['src/new.tsx', 'add'], ['src/dir', 'addDir'], ['old', 'unlinkDir'], ['pkg/.gitignore', 'change']] as [string, TreeChange][]) {
      assert.equal(sort([change]).rediscover, true, change.join(' '));
    }
    assert.equal(sort([['README.md', 'add']]).rediscover, false);
    assert.equal(sort([['README.md', 'add']], { anyExtension: true }).rediscover, true, '--include may match any extension');
  });

  it('tells project data and the config file apart from sources', () => {
    const sorted = sort([
      ['package.json', 'change'],
      ['packages/x/tsconfig.build.json', 'add'],
      ['sonde.config.jsonc', 'change'],
      ['src/a.ts', 'change'],
    ]);
    assert.deepEqual(sorted, { reread: ['src/a.ts'], rediscover: false, project: ['package.json', 'packages/x/tsconfig.build.json'], config: true });
    assert.equal(sort([['conf/sonde.json', 'change']]).config, true, 'the --config file in the tree, whatever its name');
  });
});
