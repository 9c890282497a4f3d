/**
 * Builds the module graph from per-file facts. Rebuilt on every scan from the
 * (possibly cached) facts, so it can never be stale. Nodes are the files that
 * have facts; an import of a scanned file without facts (binary, unreadable)
 * resolves but adds no edge, since that file's own imports are unknown.
 */
import type { FileFacts, FileResult, GraphEdge, ModuleGraph } from '../types.js';
import type { Resolver } from './resolve.js';
import { compareCodeUnits } from '../util/compare.js';

/** An edge collapsed over every import between the same two files. */
export interface IndexedEdge {
  readonly from: number;
  readonly to: number;
  readonly specifier: string;
  /** True when every import behind the edge is type-only. */
  readonly typeOnly: boolean;
  /** First line of an import behind the edge; of a value import when there is one. */
  readonly line: number;
  /** First line of any import behind the edge. */
  readonly anyLine: number;
}

/** The graph with integer node ids, plus what the unused-export pass needs. */
/** A file's module syntax: what it imports and exports. */
export type ModuleFacts = Pick<FileFacts, 'imports' | 'exports'>;

export interface BuiltGraph {
  readonly graph: ModuleGraph;
  /** Sorted node paths; a node's id is its index here. */
  readonly nodes: readonly string[];
  /**
   * A node's imports and exports, read from its file each time: on a large
   * scan facts are held packed (engine/packed-facts.ts), and unpacking every
   * file's at once for the whole pass cost ~3.5 KB a file.
   */
  readonly moduleFacts: (node: number) => ModuleFacts;
  readonly edges: readonly IndexedEdge[];
  /** Per node: specifier → target node id, for every specifier that resolved to a node. */
  readonly targets: readonly ReadonlyMap<string, number>[];
}


/** A reference to something outside the scanned files, from one node. */
interface OutsideRef {
  readonly from: string;
  readonly specifier: string;
}

/** One node's part of the graph: what the watcher keeps per file and recomputes only when the file changes. */
export interface NodeEdges {
  /** Sorted by target id. */
  readonly edges: readonly IndexedEdge[];
  readonly publicEdges: readonly GraphEdge[];
  readonly targets: ReadonlyMap<string, number>;
  /** Sorted by specifier. */
  readonly external: readonly OutsideRef[];
  readonly unresolved: readonly OutsideRef[];
}

/** Resolves every import of every file and collapses them into edges. */
export function buildGraph(files: readonly FileResult[], resolve: Resolver): BuiltGraph {
  const { nodes, moduleFacts, ids } = graphNodes(files);
  return assembleGraph(nodes, moduleFacts, nodes.map((_, from) => nodeEdges(from, nodes, moduleFacts(from), ids, resolve)));
}

/** The graph's nodes: the files with facts, sorted by path, each one's id, and its facts read on demand. */
export function graphNodes(files: readonly FileResult[]): { nodes: string[]; moduleFacts: (node: number) => ModuleFacts; ids: Map<string, number> } {
  const withFacts = files.filter((f) => f.facts !== null && f.error === null);
  withFacts.sort((a, b) => compareCodeUnits(a.path, b.path));
  const nodes = withFacts.map((f) => f.path);
  const moduleFacts = (node: number): ModuleFacts => withFacts[node]!.facts as FileFacts;
  const ids = new Map<string, number>();
  nodes.forEach((p, i) => ids.set(p, i));
  return { nodes, moduleFacts, ids };
}

const bySpec = (a: OutsideRef, b: OutsideRef) => compareCodeUnits(a.specifier, b.specifier);

/** Resolves one node's imports and collapses them into its edges (valid while the node set and ids stay the same). */
export function nodeEdges(from: number, nodes: readonly string[], facts: ModuleFacts, ids: ReadonlyMap<string, number>, resolve: Resolver): NodeEdges {
  type Draft = { specifier: string; typeOnly: boolean; line: number; anyLine: number };
  const own = new Map<string, number>();
  const out = new Map<number, Draft>();
  const seenOutside = new Set<string>();
  const external: OutsideRef[] = [];
  const unresolved: OutsideRef[] = [];
  const imports = [...facts.imports].sort((a, b) => a.line - b.line || compareCodeUnits(a.specifier, b.specifier));
  for (const record of imports) {
    let to = own.get(record.specifier);
    if (to === undefined) {
      const res = resolve(nodes[from], record.specifier);
      if (res.kind !== 'file') {
        if (!seenOutside.has(record.specifier)) {
          seenOutside.add(record.specifier);
          (res.kind === 'external' ? external : unresolved).push({ from: nodes[from], specifier: record.specifier });
        }
        continue;
      }
      to = ids.get(res.path);
      if (to === undefined) continue; // a scanned file without facts
      own.set(record.specifier, to);
    }
    const edge = out.get(to);
    if (!edge) {
      out.set(to, { specifier: record.specifier, typeOnly: record.typeOnly, line: record.typeOnly ? Infinity : record.line, anyLine: record.line });
    } else if (!record.typeOnly) {
      edge.typeOnly = false;
      edge.line = Math.min(edge.line, record.line);
    }
  }
  const edges: IndexedEdge[] = [];
  for (const to of [...out.keys()].sort((a, b) => a - b)) {
    const e = out.get(to) as Draft;
    edges.push({ from, to, specifier: e.specifier, typeOnly: e.typeOnly, line: e.typeOnly ? e.anyLine : e.line, anyLine: e.anyLine });
  }
  const publicEdges = edges.map((e) => ({ from: nodes[e.from], to: nodes[e.to], specifier: e.specifier, typeOnly: e.typeOnly }));
  return { edges, publicEdges, targets: own, external: external.sort(bySpec), unresolved: unresolved.sort(bySpec) };
}

/**
 * The graph from its nodes' parts. Nodes are sorted, and each part is sorted
 * within its node, so concatenating in node order gives every list sorted
 * without a global sort.
 */
export function assembleGraph(nodes: readonly string[], moduleFacts: (node: number) => ModuleFacts, parts: readonly NodeEdges[]): BuiltGraph {
  const edges: IndexedEdge[] = [];
  const publicEdges: GraphEdge[] = [];
  const external: OutsideRef[] = [];
  const unresolved: OutsideRef[] = [];
  for (const part of parts) {
    for (const edge of part.edges) edges.push(edge);
    for (const edge of part.publicEdges) publicEdges.push(edge);
    for (const ref of part.external) external.push(ref);
    for (const ref of part.unresolved) unresolved.push(ref);
  }
  return {
    graph: { nodes, edges: publicEdges, external, unresolved },
    nodes,
    moduleFacts,
    edges,
    targets: parts.map((part) => part.targets),
  };
}
