import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderDot, renderMermaid } from '../../src/reporters/graph.js';
import type { ModuleGraph } from '../../src/types.js';

const graph: ModuleGraph = {
  nodes: ['src/a.ts', 'src/b "q".ts'],
  edges: [
    { from: 'src/a.ts', to: 'src/b "q".ts', specifier: './b', typeOnly: false },
    { from: 'src/b "q".ts', to: 'src/a.ts', specifier: './a', typeOnly: true },
  ],
  external: [{ from: 'src/a.ts', specifier: 'react' }],
  unresolved: [],
};

describe('renderDot', () => {
  it('writes quoted nodes, edges, dashed type-only edges', () => {
    assert.equal(
      renderDot(graph),
      [
        'digraph sonde {',
        '  rankdir=LR;',
        '  node [shape=box, fontname="Helvetica"];',
        '  "src/a.ts";',
        '  "src/b \\"q\\".ts";',
        '  "src/a.ts" -> "src/b \\"q\\".ts";',
        '  "src/b \\"q\\".ts" -> "src/a.ts" [style=dashed];',
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('renderMermaid', () => {
  it('writes a flowchart with escaped labels and dotted type-only edges', () => {
    assert.equal(
      renderMermaid(graph),
      ['flowchart LR', '  n0["src/a.ts"]', '  n1["src/b #quot;q#quot;.ts"]', '  n0 --> n1', '  n1 -.-> n0', ''].join('\n'),
    );
  });

  it('renders an empty graph', () => {
    assert.equal(renderMermaid({ nodes: [], edges: [], external: [], unresolved: [] }), 'flowchart LR\n');
  });
});
