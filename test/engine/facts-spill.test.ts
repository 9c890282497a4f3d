/**
 * The facts spill (src/engine/facts-spill.ts): what goes in comes back, read
 * from the anonymous file in the private cache folder, whatever the order of
 * the reads (the last one is kept in memory).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { FactsSpill } from '../../src/engine/facts-spill.js';
import type { FileFacts } from '../../src/types.js';
import { makeTempDir, removeTree } from '../helpers/temp-tree.js';

function facts(index: number): FileFacts {
  return {
    lines: index,
    code: index,
    comment: 0,
    blank: 0,
    functions: [{ name: `f${index}`, line: 1, column: 1, endLine: 2, params: index % 3, cyclomatic: 1 + (index % 7), cognitive: 0, maxDepth: 0, length: 2 }],
    imports: [],
    exports: [],
  } as unknown as FileFacts;
}

describe('the facts spill', () => {
  const home = makeTempDir('sonde-spill-');
  after(() => removeTree(home));

  it('gives back each file\'s facts, in any order of reads, repeated or not', () => {
    const spill = FactsSpill.open({ XDG_CACHE_HOME: home });
    assert.ok(spill, 'the private cache folder is usable');
    // Enough to flush the write buffer (1 MB) several times.
    const slots = Array.from({ length: 3000 }, (_, index) => spill.put({ ...facts(index), comment: index * 1000 } as FileFacts));
    const order = [0, 0, 1, 2999, 2999, 5, 1, 1, 1500, 0];
    for (const index of order) assert.deepEqual(spill.get(slots[index]!), { ...facts(index), comment: index * 1000 }, `file ${index}`);
    for (let index = 0; index < slots.length; index += 97) assert.equal(spill.get(slots[index]!).lines, index);
  });
});
