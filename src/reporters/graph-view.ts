/**
 * What dot and mermaid draw of the module graph, as dependency-cruiser's
 * `--focus` and `--collapse` do: a big graph (rxjs: 4,500 edges) is
 * unreadable whole, and Mermaid refuses more than 500 edges by default.
 */
import type { GraphEdge, ModuleGraph } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';
import { globMatcher } from '../util/glob-matcher.js';

/** The subset and grouping to draw. */
export interface GraphViewOptions {
  /** Globs: keep the modules matching any of them and their direct neighbours (importers and imports). */
  readonly focus?: readonly string[];
  /**
   * Folder globs (`packages/*`) or a folder depth (`2`): every module under a
   * matching folder becomes one node, named after the folder with a trailing `/`.
   */
  readonly collapse?: readonly string[];
}

/** Mermaid's default `maxEdges`: a bigger flowchart is refused by the renderer. */
export const MERMAID_MAX_EDGES = 500;

/** The graph to draw: focused first (on files), then collapsed; nodes and edges sorted, edges deduplicated. */
export function graphView(graph: ModuleGraph, options: GraphViewOptions): ModuleGraph {
  const focused = options.focus && options.focus.length > 0 ? focus(graph, options.focus) : graph;
  return options.collapse && options.collapse.length > 0 ? collapse(focused, options.collapse) : focused;
}

function focus(graph: ModuleGraph, patterns: readonly string[]): ModuleGraph {
  const matches = globMatcher(patterns);
  const focused = new Set(graph.nodes.filter((node) => matches(node)));
  const kept = new Set(focused);
  for (const edge of graph.edges) {
    if (focused.has(edge.from)) kept.add(edge.to);
    if (focused.has(edge.to)) kept.add(edge.from);
  }
  // Only edges that touch a focused module: two neighbours' own edges are context nobody asked for.
  return {
    ...graph,
    nodes: graph.nodes.filter((node) => kept.has(node)),
    edges: graph.edges.filter((edge) => focused.has(edge.from) || focused.has(edge.to)),
  };
}

function collapse(graph: ModuleGraph, patterns: readonly string[]): ModuleGraph {
  const depths = patterns.filter((p) => /^\d+$/.test(p)).map(Number);
  const matches = globMatcher(patterns.filter((p) => !/^\d+$/.test(p)).map((p) => p.replace(/\/+$/, '')));
  const cache = new Map<string, string>();
  const nodeOf = (file: string): string => {
    let node = cache.get(file);
    if (node === undefined) {
      node = collapsedName(file, matches, depths);
      cache.set(file, node);
    }
    return node;
  };
  const nodes = [...new Set(graph.nodes.map(nodeOf))].sort(compareCodeUnits);
  // One edge per pair of nodes; it is type-only only when every import it stands for is.
  const edges = new Map<string, GraphEdge>();
  for (const edge of graph.edges) {
    const from = nodeOf(edge.from);
    const to = nodeOf(edge.to);
    if (from === to) continue;
    const key = `${from}\0${to}`;
    const seen = edges.get(key);
    if (!seen) edges.set(key, { from, to, specifier: edge.specifier, typeOnly: edge.typeOnly });
    else if (seen.typeOnly && !edge.typeOnly) edges.set(key, { ...seen, typeOnly: false });
  }
  const sortedEdges = [...edges.values()].sort((a, b) => compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to));
  return { ...graph, nodes, edges: sortedEdges };
}

/** The shallowest folder of `file` that a pattern or depth names, with a trailing `/`; else the file itself. */
function collapsedName(file: string, matches: (path: string) => boolean, depths: readonly number[]): string {
  const segments = file.split('/');
  for (let depth = 1; depth < segments.length; depth += 1) {
    const folder = segments.slice(0, depth).join('/');
    if (depths.includes(depth) || matches(folder)) return `${folder}/`;
  }
  return file;
}
