/**
 * The import-cycle groups the HTML report draws: the members of each cycle
 * group that an `import-cycle` finding reports, and the imports between them.
 *
 * The result carries the module graph and one finding per group (at the
 * group's first member), not the groups themselves, and reporters sit on the
 * same rung as graph/, so they cannot call graph/cycles.ts. The groups are the
 * graph's strongly connected components; the findings decide which ones are
 * shown, so the page agrees with the findings (rule off: no groups;
 * --ignore-type-only-cycles: components without type-only edges, tried first).
 */
import type { GraphEdge, ScanResult } from '../types.js';

/** One group: member file indices (ascending) and the imports among them. */
export interface CycleGroupView {
  readonly members: number[];
  readonly edges: [number, number][];
}

/** Strongly connected components with more than one node, or a self-loop (Tarjan, iterative). */
function components(n: number, successors: readonly number[][]): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const found: number[][] = [];
  let counter = 0;
  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    // The recursion's frames: node and the next successor to look at.
    const frames: [number, number][] = [[start, 0]];
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const [v, next] = frame;
      if (next < successors[v].length) {
        frame[1] += 1;
        const w = successors[v][next];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      frames.pop();
      if (frames.length > 0) low[frames[frames.length - 1][0]] = Math.min(low[frames[frames.length - 1][0]], low[v]);
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        members.push(w);
      } while (w !== v);
      if (members.length > 1 || successors[v].includes(v)) found.push(members.sort((a, b) => a - b));
    }
  }
  return found;
}

function groupsOver(edges: readonly GraphEdge[], fileIndex: ReadonlyMap<string, number>, n: number): Map<number, CycleGroupView> {
  const successors: number[][] = Array.from({ length: n }, () => []);
  const pairs: [number, number][] = [];
  for (const edge of edges) {
    const from = fileIndex.get(edge.from);
    const to = fileIndex.get(edge.to);
    if (from === undefined || to === undefined) continue;
    successors[from].push(to);
    pairs.push([from, to]);
  }
  const byMember = new Map<number, CycleGroupView>();
  for (const members of components(n, successors)) {
    const group: CycleGroupView = { members, edges: [] };
    for (const member of members) byMember.set(member, group);
  }
  const seen = new Set<string>();
  for (const [from, to] of pairs) {
    const group = byMember.get(from);
    if (!group || byMember.get(to) !== group || seen.has(`${from},${to}`)) continue;
    seen.add(`${from},${to}`);
    group.edges.push([from, to]);
  }
  for (const group of new Set(byMember.values())) group.edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return byMember;
}

/** The groups behind the result's `import-cycle` findings, ordered by first member. */
export function cycleGroups(result: ScanResult, fileIndex: ReadonlyMap<string, number>): CycleGroupView[] {
  const reported = result.crossFile.findings.filter((finding) => finding.rule === 'import-cycle' && finding.path !== undefined);
  if (reported.length === 0) return [];
  const edges = result.crossFile.graph.edges;
  const valueOnly = groupsOver(edges.filter((edge) => !edge.typeOnly), fileIndex, fileIndex.size);
  let all: Map<number, CycleGroupView> | undefined;
  const groups = new Set<CycleGroupView>();
  for (const finding of reported) {
    const at = fileIndex.get(finding.path!);
    if (at === undefined) continue;
    const group = valueOnly.get(at) ?? (all ??= groupsOver(edges, fileIndex, fileIndex.size)).get(at);
    if (group) groups.add(group);
  }
  return [...groups].sort((a, b) => a.members[0] - b.members[0]);
}
