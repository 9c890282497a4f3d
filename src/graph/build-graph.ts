/**
 * Builds the module graph from per-file facts. Rebuilt on every scan from the
 * (possibly cached) facts, so it can never be stale. Nodes are the files that
 * have facts; an import of a scanned file without facts (binary, unreadable)
 * resolves but adds no edge, since that file's own imports are unknown.
 */
import { GRAPH_EDGE_AT, type FileFacts, type FileResult, type GraphEdge, type GraphEdgeReader, type ModuleGraph } from '../types.js';
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

/** A file's module syntax: what it imports and exports. */
export type ModuleFacts = Pick<FileFacts, 'imports' | 'exports'>;

/**
 * Every edge of the graph column-wise, sorted by (from, to): edge i goes from
 * `from[i]` to `to[i]`. Typed arrays, not one object per edge: with a Map
 * of targets per node, the objects held ~1 KB a file through the pass, now
 * ~0.5 KB (measured on a 3,000-file tree; ~50 MB less at 100,000 files).
 */
export interface EdgeTable {
  readonly count: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** 1 when every import behind the edge is type-only. */
  readonly typeOnly: Uint8Array;
  /** First line of an import behind the edge; of a value import when there is one. */
  readonly line: Int32Array;
  /** First line of any import behind the edge. */
  readonly anyLine: Int32Array;
}

/** The graph with integer node ids, plus what the unused-export pass needs. */
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
  readonly edges: EdgeTable;
  /** The node a specifier of node `m` resolved to, if it resolved to a node. */
  readonly targetOf: (m: number, specifier: string) => number | undefined;
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
  // Each node's part is folded in as soon as it is made, so only the compact tables outlive it.
  const builder = new GraphBuilder(nodes.length);
  for (let from = 0; from < nodes.length; from++) builder.add(nodeEdges(from, nodes, moduleFacts(from), ids, resolve));
  return builder.finish(nodes, moduleFacts);
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
  const builder = new GraphBuilder(nodes.length);
  for (const part of parts) builder.add(part);
  return builder.finish(nodes, moduleFacts);
}

/** Int32Array that doubles as it fills. */
class Int32Column {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  /** The filled part, trimmed to size (a copy, so the doubled slack is freed). */
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Folds node parts, in node order, into the compact graph. */
class GraphBuilder {
  readonly #from = new Int32Column();
  readonly #to = new Int32Column();
  readonly #typeOnly = new Int32Column();
  readonly #line = new Int32Column();
  readonly #anyLine = new Int32Column();
  /** Each edge's specifier, one string for equal ones (half of them on a generated 100,000-file tree). */
  readonly #edgeSpecifiers: string[] = [];
  readonly #interned = new Map<string, string>();
  readonly #external: OutsideRef[] = [];
  readonly #unresolved: OutsideRef[] = [];
  /** Node m's resolved specifiers are `#specifiers[#targetStart[m] .. #targetStart[m + 1])`, each with its node in `#targetIds`. */
  readonly #targetStart: Int32Array;
  readonly #specifiers: string[] = [];
  readonly #targetIds = new Int32Column();
  #added = 0;

  constructor(n: number) {
    this.#targetStart = new Int32Array(n + 1);
  }

  add(part: NodeEdges): void {
    for (const edge of part.edges) {
      this.#from.push(edge.from);
      this.#to.push(edge.to);
      this.#typeOnly.push(edge.typeOnly ? 1 : 0);
      this.#line.push(edge.line);
      this.#anyLine.push(edge.anyLine);
    }
    for (const edge of part.edges) this.#edgeSpecifiers.push(this.#intern(edge.specifier));
    for (const ref of part.external) this.#external.push({ from: ref.from, specifier: this.#intern(ref.specifier) });
    for (const ref of part.unresolved) this.#unresolved.push(ref);
    for (const [specifier, id] of part.targets) {
      this.#specifiers.push(specifier);
      this.#targetIds.push(id);
    }
    this.#targetStart[++this.#added] = this.#specifiers.length;
  }

  #intern(text: string): string {
    const known = this.#interned.get(text);
    if (known !== undefined) return known;
    this.#interned.set(text, text);
    return text;
  }

  finish(nodes: readonly string[], moduleFacts: (node: number) => ModuleFacts): BuiltGraph {
    const count = this.#from.length;
    const edges: EdgeTable = {
      count,
      from: this.#from.done(),
      to: this.#to.done(),
      typeOnly: Uint8Array.from(this.#typeOnly.done()),
      line: this.#line.done(),
      anyLine: this.#anyLine.done(),
    };
    const start = this.#targetStart;
    const specifiers = this.#specifiers;
    const ids = this.#targetIds.done();
    // A node resolves a handful of specifiers: a scan of its own is cheaper than a Map per node.
    const targetOf = (m: number, specifier: string): number | undefined => {
      for (let i = start[m], end = start[m + 1]; i < end; i++) if (specifiers[i] === specifier) return ids[i];
      return undefined;
    };
    return {
      graph: publicGraph(nodes, edges, this.#edgeSpecifiers, this.#external, this.#unresolved),
      nodes,
      moduleFacts,
      edges,
      targetOf,
    };
  }
}

/**
 * The graph as the result carries it: edges made from the columns when
 * `edges` is first read (then kept), and one at a time under GRAPH_EDGE_AT.
 */
function publicGraph(nodes: readonly string[], table: EdgeTable, specifiers: readonly string[], external: readonly OutsideRef[], unresolved: readonly OutsideRef[]): ModuleGraph {
  // Only the columns the public edges need stay alive with the result, not the lines.
  const { count, from, to, typeOnly } = table;
  const at = (i: number): GraphEdge => ({ from: nodes[from[i]], to: nodes[to[i]], specifier: specifiers[i], typeOnly: typeOnly[i] === 1 });
  let made: GraphEdge[] | undefined;
  const graph = {
    nodes,
    get edges(): readonly GraphEdge[] {
      return (made ??= Array.from({ length: count }, (_, i) => at(i)));
    },
    external,
    unresolved,
  };
  const reader: GraphEdgeReader = { count, at };
  Object.defineProperty(graph, GRAPH_EDGE_AT, { value: reader, enumerable: false });
  return graph;
}
