/**
 * Graph reporters: the module graph as Graphviz DOT or a Mermaid flowchart.
 * Pure functions, graph in, text out. Type-only edges are dashed in both.
 */
import { escapeTerminal } from '../text/index.js';
import type { ModuleGraph } from '../types.js';
import type { Reporter } from './reporter.js';
import { graphView } from './graph-view.js';
import { sortedGraph } from './report-model.js';

/** Control and bidi characters of a file name become visible escapes: the graph is often printed to a terminal. */
const dotString = (s: string) => `"${escapeTerminal(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Graphviz DOT (`dot -Tsvg`), nodes and edges in the graph's (sorted) order. */
export function renderDot(graph: ModuleGraph): string {
  const lines = ['digraph sonde {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  for (const node of graph.nodes) lines.push(`  ${dotString(node)};`);
  for (const edge of graph.edges) {
    lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)}${edge.typeOnly ? ' [style=dashed]' : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Mermaid has no escape for `"` inside a label except its HTML-entity codes. */
const mermaidLabel = (s: string) => `"${escapeTerminal(s).replace(/"/g, '#quot;')}"`;

/** A Mermaid `flowchart LR`; node ids are n0, n1, … in node order, labelled with the path. */
export function renderMermaid(graph: ModuleGraph): string {
  const ids = new Map<string, string>();
  const lines = ['flowchart LR'];
  graph.nodes.forEach((node, i) => {
    ids.set(node, `n${i}`);
    lines.push(`  n${i}[${mermaidLabel(node)}]`);
  });
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from === undefined || to === undefined) continue;
    lines.push(`  ${from} ${edge.typeOnly ? '-.->' : '-->'} ${to}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `--format dot`, with --focus and --collapse; sorted, so the output never depends on file completion order. */
export const dotReporter: Reporter = (result, options) => renderDot(graphView(sortedGraph(result.crossFile.graph), options));

/** `--format mermaid`; sorted like dot. */
export const mermaidReporter: Reporter = (result, options) => renderMermaid(graphView(sortedGraph(result.crossFile.graph), options));
