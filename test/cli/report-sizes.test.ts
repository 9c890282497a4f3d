import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { fakeIO } from '../helpers/fake-io.js';
import { makeTempTree, removeTree } from '../helpers/temp-tree.js';

async function sonde(root: string, argv: string[]) {
  const run = fakeIO({ cwd: root, env: {} });
  const code = await runCli(['scan', '.', '--progress', 'none', '--parallel', '0', ...argv], run.io);
  return { code, stdout: run.stdout, stderr: run.stderr };
}

const findingRows = (markdown: string) => markdown.split('\n').filter((line) => /^\| (error|warning|info) \| [a-z-]+ \| /.test(line)).length;

// 3,000 TODO findings: a markdown table of about 300 KB.
const manyFindings = {
  'src/todo.ts': Array.from({ length: 3000 }, (_, i) => `// TODO: item number ${i} waiting for a long explanation\nexport const v${i} = ${i};`).join('\n'),
};

// 30 modules that each import every other: 870 edges, past Mermaid's 500.
const dense = Object.fromEntries(
  Array.from({ length: 30 }, (_, i) => [
    `pkg/m${i}.ts`,
    Array.from({ length: 30 }, (_, j) => (j === i ? '' : `import './m${j}';\n`)).join('') + `export const m${i} = ${i};\n`,
  ]),
);

const small = {
  'src/app.ts': "import { a } from '../lib/a/a';\nimport { b } from '../lib/b/b';\nexport const app = a + b;\n",
  'lib/a/a.ts': "import { util } from './util';\nexport const a = util;\n",
  'lib/a/util.ts': 'export const util = 1;\n',
  'lib/b/b.ts': "import type { T } from '../a/util';\nexport const b = 2;\nexport type U = T;\n",
  'other/x.ts': 'export const x = 1;\n',
};

describe('report sizes (issue 12)', () => {
  const roots = [makeTempTree(manyFindings), makeTempTree(dense), makeTempTree(small)];
  after(() => roots.forEach(removeTree));
  const [many, denseRoot, smallRoot] = roots as [string, string, string];

  it('markdown fits a GitHub comment by default and says how many it left out', async () => {
    const run = await sonde(many, ['--format', 'markdown', '--rule', 'todo-comment=warning']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.length <= 65_536, `${run.stdout.length} characters`);
    assert.ok(run.stdout.length > 60_000, 'the budget is used, not wasted');
    const shown = findingRows(run.stdout);
    const total = Number(/\| findings \| (\d+) \|/.exec(run.stdout)?.[1]);
    assert.ok(total > 3000 && shown > 100, `${shown} of ${total}`);
    assert.match(run.stdout, new RegExp(`\\n…and ${total - shown} more findings \\(the json and sarif formats list them all\\)\\.\\n$`));
  });

  it('--max-findings N shows N', async () => {
    const run = await sonde(many, ['--format', 'markdown', '--rule', 'todo-comment=warning', '--max-findings', '3']);
    const total = Number(/\| findings \| (\d+) \|/.exec(run.stdout)?.[1]);
    assert.equal(findingRows(run.stdout), 3);
    assert.match(run.stdout, new RegExp(`…and ${total - 3} more findings`));
  });

  it('--max-findings takes a count', async () => {
    const run = await sonde(many, ['--format', 'markdown', '--max-findings', 'lots']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--max-findings lots: expected a whole number/);
  });

  it('mermaid past 500 edges warns on stderr; collapsed, it does not', async () => {
    const run = await sonde(denseRoot, ['--format', 'mermaid']);
    assert.equal(run.stdout.split('\n').filter((line) => line.includes('-->')).length, 870);
    assert.match(run.stderr, /the mermaid graph has 870 edges, over Mermaid's default limit of 500/);
    const focused = await sonde(denseRoot, ['--format', 'mermaid', '--focus', 'pkg/m0.ts']);
    assert.equal(focused.stdout.split('\n').filter((line) => line.includes('-->')).length, 58);
    assert.doesNotMatch(focused.stderr, /default limit/);
  });

  it('--focus keeps the matching modules and their neighbours', async () => {
    const run = await sonde(smallRoot, ['--format', 'dot', '--focus', 'lib/a/*.ts']);
    assert.equal(run.code, 0, run.stderr);
    const nodes = run.stdout.split('\n').filter((line) => /^ {2}"[^"]+";$/.test(line));
    assert.deepEqual(nodes, ['  "lib/a/a.ts";', '  "lib/a/util.ts";', '  "lib/b/b.ts";', '  "src/app.ts";']);
  });

  it('--collapse makes one node per matching folder, type-only only when every import is', async () => {
    const run = await sonde(smallRoot, ['--format', 'dot', '--collapse', 'lib/*']);
    assert.equal(run.code, 0, run.stderr);
    const body = run.stdout.split('\n').slice(3, -2);
    assert.deepEqual(body, [
      '  "lib/a/";',
      '  "lib/b/";',
      '  "other/x.ts";',
      '  "src/app.ts";',
      '  "lib/b/" -> "lib/a/" [style=dashed];',
      '  "src/app.ts" -> "lib/a/";',
      '  "src/app.ts" -> "lib/b/";',
    ]);
    const byDepth = await sonde(smallRoot, ['--format', 'mermaid', '--collapse', '1']);
    assert.match(byDepth.stdout, /n0\["lib\/"\]\n {2}n1\["other\/"\]\n {2}n2\["src\/"\]\n {2}n2 --> n0\n$/);
  });
});
