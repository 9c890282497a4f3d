import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { compactReporter } from '../../src/reporters/compact.js';
import { githubReporter } from '../../src/reporters/github.js';
import { htmlReporter } from '../../src/reporters/html.js';
import { dotReporter, mermaidReporter } from '../../src/reporters/graph.js';
import { loadChunkedReporter, loadReporter, REPORT_FORMATS } from '../../src/reporters/index.js';
import { jsonReporter, toJsonReport } from '../../src/reporters/json.js';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { prettyReporter } from '../../src/reporters/pretty.js';
import { sarifReporter } from '../../src/reporters/sarif.js';
import { asParallelWarmScan, makeResult } from './fixtures.js';

describe('reporter table', () => {
  it('has one reporter per format, in the --help order, each loading its own module', async () => {
    assert.deepEqual(REPORT_FORMATS, ['pretty', 'compact', 'github', 'json', 'sarif', 'markdown', 'dot', 'mermaid', 'html']);
    const expected = { pretty: prettyReporter, compact: compactReporter, github: githubReporter, json: jsonReporter, sarif: sarifReporter, markdown: markdownReporter, dot: dotReporter, mermaid: mermaidReporter, html: htmlReporter };
    for (const format of REPORT_FORMATS) assert.equal(await loadReporter(format), expected[format], format);
  });

  it('every reporter returns text ending in a newline, without ANSI codes when color is false', async () => {
    for (const format of REPORT_FORMATS) {
      const text = (await loadReporter(format))(makeResult(), { color: false, columns: 80, top: 5 });
      assert.ok(text.length > 0 && text.endsWith('\n'), format);
      assert.equal(text.includes('\u001b['), false, format);
    }
  });

  it('renders the module graph for dot and mermaid, independent of file completion order', async () => {
    const dot = (await loadReporter('dot'))(makeResult(), { color: false });
    assert.match(dot, /"src\/a\.ts" -> "src\/z\.ts"/);
    assert.equal(dotReporter(asParallelWarmScan(makeResult()), { color: false }), dot);
    const mermaid = (await loadReporter('mermaid'))(makeResult(), { color: false });
    assert.match(mermaid, /^flowchart LR\n/);
    assert.equal(mermaidReporter(asParallelWarmScan(makeResult()), { color: false }), mermaid);
  });

  it('streams, for every format, exactly the text the whole reporter returns', async () => {
    for (const result of [makeResult(), makeResult({ files: [] }), makeResult({ skipped: [], warnings: ['a "quoted" warning\nover two lines'] })]) {
      for (const format of REPORT_FORMATS) {
        const chunks = [...(await loadChunkedReporter(format))(result, { color: false })];
        assert.equal(chunks.join(''), (await loadReporter(format))(result, { color: false }), format);
      }
    }
  });

  it('streams JSON as the plain 2-space JSON.stringify of the report, in pieces (json-stream.test.ts has the rest)', async () => {
    const result = makeResult();
    const chunks = [...(await loadChunkedReporter('json'))(result, { color: false })];
    assert.equal(chunks.join(''), `${JSON.stringify(toJsonReport(result), null, 2)}\n`);
    assert.ok(chunks.length > result.files.length, 'the head is written key by key, not as one string');
  });

  it('loads only the reporter asked for: dot and mermaid load the graph module, no other reporter', () => {
    const script = fileURLToPath(new URL('./load-one-reporter.js', import.meta.url));
    const modules = { pretty: 'pretty.js', json: 'json.js', sarif: 'sarif.js', markdown: 'markdown.js', compact: 'compact.js', github: 'github.js', dot: 'graph.js', mermaid: 'graph.js', html: 'html.js' };
    for (const format of REPORT_FORMATS) {
      const loaded = JSON.parse(execFileSync(process.execPath, [script, format], { encoding: 'utf8' })) as string[];
      const reporters = loaded.filter((file) => file.startsWith('reporters/') && Object.values(modules).includes(file.slice('reporters/'.length)));
      assert.deepEqual(reporters, [`reporters/${modules[format]}`], format);
    }
  });
});
