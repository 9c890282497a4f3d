import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCycleGroups, stronglyConnectedComponents, toAdjacency } from '../../src/graph/cycles.js';

const edges = (pairs: [number, number][]) => pairs.map(([from, to]) => ({ from, to }));
const sccs = (n: number, pairs: [number, number][]) =>
  stronglyConnectedComponents(n, toAdjacency(n, edges(pairs)))
    .map((c) => c.join(','))
    .sort();

describe('stronglyConnectedComponents', () => {
  it('finds the textbook components', () => {
    // CLRS figure 22.9: a..h = 0..7
    const pairs: [number, number][] = [
      [0, 1], [1, 2], [1, 4], [1, 5], [2, 3], [2, 6], [3, 2], [3, 7], [4, 0], [4, 5], [5, 6], [6, 5], [6, 7], [7, 7],
    ];
    assert.deepEqual(sccs(8, pairs), ['0,1,4', '2,3', '5,6', '7']);
  });

  it('leaves a DAG as singletons', () => {
    assert.deepEqual(sccs(4, [[0, 1], [1, 2], [0, 2], [2, 3]]), ['0', '1', '2', '3']);
  });

  it('handles a 100k-node chain and a 100k-node ring without recursion', () => {
    const n = 100_000;
    const chain: [number, number][] = [];
    for (let i = 0; i + 1 < n; i++) chain.push([i, i + 1]);
    assert.equal(stronglyConnectedComponents(n, toAdjacency(n, edges(chain))).length, n);
    const ring = [...chain, [n - 1, 0] as [number, number]];
    const groups = findCycleGroups(n, toAdjacency(n, edges(ring)));
    assert.equal(groups.length, 1);
    assert.equal(groups[0].members.length, n);
    assert.equal(groups[0].cycle.length, n + 1);
    assert.equal(groups[0].cycle[n - 1], n - 1);
  });
});

describe('findCycleGroups', () => {
  it('reports the shortest cycle through the smallest member, deterministically', () => {
    // 0 → 1 → 2 → 3 → 0 and the shortcut 1 → 3: shortest through 0 is 0 → 1 → 3 → 0.
    const groups = findCycleGroups(5, toAdjacency(5, edges([[0, 1], [1, 2], [1, 3], [2, 3], [3, 0], [4, 4]])));
    assert.deepEqual(groups.map((g) => g.cycle), [[0, 1, 3, 0], [4, 4]]);
    assert.deepEqual(groups[0].members, [0, 1, 2, 3]);
  });

  it('breaks ties between equally short cycles by the smaller path', () => {
    const groups = findCycleGroups(3, toAdjacency(3, edges([[0, 1], [0, 2], [1, 0], [2, 0]])));
    assert.deepEqual(groups.map((g) => g.cycle), [[0, 1, 0]]);
  });

  it('finds nothing in a DAG', () => {
    assert.deepEqual(findCycleGroups(3, toAdjacency(3, edges([[0, 1], [1, 2]]))), []);
  });
});
