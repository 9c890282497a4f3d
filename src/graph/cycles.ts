/**
 * Import cycles: Tarjan's strongly connected components, iterative (an
 * explicit stack instead of recursion, so a 100k-module chain cannot overflow
 * the call stack), O(V + E). Each component with more than one module, or a
 * module importing itself, is one cycle group; it is shown as the shortest
 * concrete cycle through its smallest path (breadth-first search inside the
 * component, neighbours in path order — deterministic).
 */

/** Adjacency in compressed form: successors of v are `targets[offsets[v] .. offsets[v+1])`. */
interface Adjacency {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/** Builds adjacency for `n` nodes from edges; successors keep the order of `edges`. */
export function toAdjacency(n: number, edges: readonly { readonly from: number; readonly to: number }[]): Adjacency {
  const offsets = new Int32Array(n + 1);
  for (const e of edges) offsets[e.from + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(edges.length);
  for (const e of edges) targets[fill[e.from]++] = e.to;
  return { offsets, targets };
}

/** Adjacency from edges held column-wise (`from[i]` → `to[i]`), keeping only the edges `keep` accepts, in index order. */
export function columnsToAdjacency(n: number, count: number, from: Int32Array, to: Int32Array, keep: (i: number) => boolean): Adjacency {
  const offsets = new Int32Array(n + 1);
  let kept = 0;
  for (let i = 0; i < count; i++) {
    if (!keep(i)) continue;
    offsets[from[i] + 1]++;
    kept++;
  }
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(kept);
  for (let i = 0; i < count; i++) if (keep(i)) targets[fill[from[i]]++] = to[i];
  return { offsets, targets };
}

/** Strongly connected components (each a list of node ids, ascending), iteratively. */
export function stronglyConnectedComponents(n: number, adj: Adjacency): number[][] {
  const { offsets, targets } = adj;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  // The call stack of the recursive formulation: node and the next successor slot to visit.
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let cp = 0;
  let counter = 0;
  const components: number[][] = [];

  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    callNode[0] = start;
    callEdge[0] = offsets[start];
    cp = 1;
    index[start] = low[start] = counter++;
    stack[sp++] = start;
    onStack[start] = 1;
    while (cp > 0) {
      const v = callNode[cp - 1];
      const slot = callEdge[cp - 1];
      if (slot < offsets[v + 1]) {
        callEdge[cp - 1] = slot + 1;
        const w = targets[slot];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callNode[cp] = w;
          callEdge[cp] = offsets[w];
          cp++;
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      // All successors done: v is finished; pop it and propagate low to its caller.
      cp--;
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component.sort((a, b) => a - b));
      }
      if (cp > 0) {
        const caller = callNode[cp - 1];
        if (low[v] < low[caller]) low[caller] = low[v];
      }
    }
  }
  return components;
}

/**
 * The shortest cycle through the smallest node of `component`, as node ids
 * starting and ending with that node. Searches only inside the component.
 */
function shortestCycle(component: readonly number[], adj: Adjacency, inComponent: (v: number) => boolean): number[] {
  const start = component[0];
  const parent = new Map<number, number>();
  const queue: number[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (let s = adj.offsets[v]; s < adj.offsets[v + 1]; s++) {
      const w = adj.targets[s];
      if (w === start) {
        const body: number[] = [];
        for (let x = v; x !== start; x = parent.get(x) as number) body.push(x);
        return [start, ...body.reverse(), start];
      }
      if (!inComponent(w) || parent.has(w) || w === start) continue;
      parent.set(w, v);
      queue.push(w);
    }
  }
  return [start, start]; // unreachable for a true cycle group
}

/** One cycle group: its members and a concrete cycle through the smallest member. */
interface CycleGroup {
  readonly members: readonly number[];
  readonly cycle: readonly number[];
}

/** Every cycle group of the graph, ordered by smallest member. */
export function findCycleGroups(n: number, adj: Adjacency): CycleGroup[] {
  const components = stronglyConnectedComponents(n, adj);
  const componentOf = new Int32Array(n);
  components.forEach((c, i) => c.forEach((v) => (componentOf[v] = i)));
  const groups: CycleGroup[] = [];
  components.forEach((members, i) => {
    const v = members[0];
    let selfLoop = false;
    if (members.length === 1) {
      for (let s = adj.offsets[v]; s < adj.offsets[v + 1]; s++) if (adj.targets[s] === v) selfLoop = true;
      if (!selfLoop) return;
    }
    groups.push({ members, cycle: shortestCycle(members, adj, (w) => componentOf[w] === i) });
  });
  return groups.sort((a, b) => a.members[0] - b.members[0]);
}
