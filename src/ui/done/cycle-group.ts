/**
 * The modules of an import-cycle finding's group, for the details pane. The
 * finding's message names one concrete cycle and "(N modules in this cycle
 * group)"; the other members are only in the module graph, so they are
 * recomputed from it: the strongly connected component of the cycle's
 * first module. The rule may have ignored type-only imports, so the
 * component with exactly N members (without, then with them) is the one.
 */
import { stronglyConnectedComponents, toAdjacency } from '../../graph/cycles.js';
import type { Finding, ModuleGraph } from '../../types.js';

const GROUP_SIZE = /\((\d+) modules in this cycle group\)$/;

/** The sorted member paths of the finding's cycle group, or undefined when it is not a group finding. */
export function cycleGroupMembers(graph: ModuleGraph, finding: Finding): string[] | undefined {
  if (finding.rule !== 'import-cycle' || finding.path === undefined) return undefined;
  const size = GROUP_SIZE.exec(finding.message);
  if (!size) return undefined;
  const wanted = Number(size[1]);
  const id = new Map(graph.nodes.map((node, i) => [node, i]));
  const start = id.get(finding.path);
  if (start === undefined) return undefined;
  const toIds = (typeOnlyToo: boolean) =>
    graph.edges.flatMap((e) => {
      const from = id.get(e.from);
      const to = id.get(e.to);
      return from !== undefined && to !== undefined && (typeOnlyToo || !e.typeOnly) ? [{ from, to }] : [];
    });
  for (const typeOnlyToo of [false, true]) {
    const component = stronglyConnectedComponents(graph.nodes.length, toAdjacency(graph.nodes.length, toIds(typeOnlyToo))).find((c) =>
      c.includes(start),
    );
    if (component && component.length === wanted) return component.map((v) => graph.nodes[v]).sort();
  }
  return undefined;
}
