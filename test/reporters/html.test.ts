/**
 * The HTML reporter as a pure function: escaping, the data block (it parses
 * back to the data, cannot close its script element, agrees with the report
 * model), the CSP hashes, and source text only when the CLI hands it over.
 * What the page does in a browser is test/e2e/html-report.test.ts.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { fileResult, packFacts } from '../../src/engine/packed-facts.js';
import { buildHtmlData } from '../../src/reporters/html-data.js';
import { escapeHtml, jsonForScript } from '../../src/reporters/html-escape.js';
import { htmlReporter } from '../../src/reporters/html.js';
import { HTML_STYLE } from '../../src/reporters/html-style.js';
import { hotspots } from '../../src/reporters/report-model.js';
import { asParallelWarmScan, facts, file, fn, makeResult } from './fixtures.js';

const XSS = '<img src=x onerror=alert(1)>.ts';

/** The data block's text and its parsed value. */
function dataBlock(html: string): { text: string; data: ReturnType<typeof buildHtmlData> } {
  const match = /<script type="application\/json" id="sonde-data">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(match, 'one data block');
  return { text: match[1], data: JSON.parse(match[1]) as ReturnType<typeof buildHtmlData> };
}

describe('escapeHtml and jsonForScript', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('writes JSON that cannot end its script element and parses back to the same value', () => {
    const hostile = { a: '</script><script>alert(1)</script>', b: '<!-- <script>', c: 'line\u2028sep\u2029para', d: '\ud800 lone', e: 'x&y>' };
    const text = jsonForScript(hostile);
    assert.doesNotMatch(text, /<|>|&|\u2028|\u2029/);
    assert.deepEqual(JSON.parse(text), hostile);
  });
});

describe('htmlReporter', () => {
  it('returns one self-contained document: no URL to fetch, a CSP with the hashes of its own script and style', () => {
    const html = htmlReporter(makeResult(), { color: false });
    assert.match(html, /^<!doctype html>\n/);
    assert.ok(html.endsWith('</html>\n'));
    assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\//i, 'nothing loaded from elsewhere');
    assert.equal(html.match(/<script/g)?.length, 2, 'the data block and the page script');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    assert.ok(csp.includes(`script-src ${hash(script)}`), 'the script is allowed by its hash');
    assert.ok(csp.includes(`style-src ${hash(style)}`), 'the style is allowed by its hash');
  });

  it('keeps a hostile file name and function name out of the markup: only escaped, only in the data block', () => {
    const result = makeResult({
      root: `/tmp/${XSS}`,
      files: [file(`src/${XSS}`, facts({ functions: [fn('</script><script>alert(2)</script>', 1, { cyclomatic: 30 })] }))],
      fileFindings: new Map(),
      crossFile: { graph: { nodes: [], edges: [], external: [], unresolved: [] }, findings: [] },
    });
    const html = htmlReporter(result, { color: false, html: { commandLine: `sonde scan '${XSS}'` } });
    assert.equal(html.includes('<img'), false);
    assert.equal(html.match(/<\/script>/g)?.length, 2, 'no extra script end tag');
    assert.match(html, /<title>sonde report: &lt;img src=x onerror=alert\(1\)&gt;\.ts<\/title>/);
    const { data } = dataBlock(html);
    assert.ok(data.s.includes(XSS), 'the exact name survives in the data');
    assert.ok(data.s.includes('</script><script>alert(2)</script>'));
  });

  it('packs the files in path order with their functions, and every finding with its file', () => {
    const result = makeResult();
    const { data } = dataBlock(htmlReporter(result, { color: false }));
    const paths = data.f.n.map((name, index) => {
      const parts = [data.s[name]];
      for (let dir = data.f.d[index]; dir > 0; dir = data.d.p[dir]) parts.unshift(data.s[data.d.n[dir]]);
      return parts.join('/');
    });
    assert.deepEqual(paths, ['assets/logo.ts', 'src/B.ts', 'src/a.ts', 'src/z.ts']);
    assert.deepEqual(data.f.k, [0, 0, 2, 2]);
    assert.deepEqual(data.f.e.map((e) => (e < 0 ? null : data.s[e])), ['Binary file (contains NUL bytes).', null, null, null]);
    assert.deepEqual(data.fn.cy, [3, 3, 12, 1]);
    assert.equal(data.x.f.length, 4 + 2, 'per-file and cross-file findings');
    assert.deepEqual(data.x.f.map((index) => paths[index]), ['src/a.ts', 'src/a.ts', 'src/z.ts', 'src/z.ts', 'src/z.ts', 'src/z.ts']);
    assert.equal(data.summary.findings, 6);
    assert.equal(data.summary.errors, 1);
    assert.equal(data.sk.length, 1);
  });

  it('points the hotspot lists at the functions the report model ranks, in its order', () => {
    const result = makeResult();
    const data = buildHtmlData(result);
    const named = (index: number) => data.s[data.fn.n[index]];
    assert.deepEqual(data.hot.cy.map(named), hotspots(result, 100, 'cyclomatic').map((spot) => spot.fn.name));
    assert.deepEqual(data.hot.cg.map(named), hotspots(result, 100, 'cognitive').map((spot) => spot.fn.name));
  });

  it('finds the hotspots when a large scan unpacks its facts afresh on every read', () => {
    const plain = makeResult();
    const packed = { ...plain, files: plain.files.map((entry) => fileResult(entry, entry.facts && packFacts(entry.facts), entry.error, entry.cached)) };
    assert.notEqual(packed.files[0].facts, packed.files[0].facts, 'a new object on each read');
    assert.deepEqual(buildHtmlData(packed).hot, buildHtmlData(plain).hot);
    assert.ok(buildHtmlData(packed).hot.cy.every((index) => index >= 0));
  });

  it('draws each reported cycle group once, with the imports between its members', () => {
    const data = buildHtmlData(makeResult());
    assert.deepEqual(data.cyc, [{ m: [2, 3], e: [[2, 3], [3, 2]] }]);
    const off = buildHtmlData(makeResult({ crossFile: { ...makeResult().crossFile, findings: [] } }));
    assert.deepEqual(off.cyc, [], 'no import-cycle finding (rule off): no group');
  });

  it('gives the same page whatever the strategy or file completion order, apart from timing and cache figures', () => {
    const strip = (html: string) => {
      const { data } = dataBlock(html);
      return JSON.stringify({ ...data, summary: { ...data.summary, strategy: '', workers: 0, cache: null, durationMs: 0 } });
    };
    assert.equal(strip(htmlReporter(asParallelWarmScan(makeResult()), { color: false })), strip(htmlReporter(makeResult(), { color: false })));
  });

  it('embeds source text only when given, and the provenance the CLI passes', () => {
    const without = buildHtmlData(makeResult());
    assert.equal(without.src, undefined);
    assert.equal(without.meta.source, false);
    const sources = new Map([['src/a.ts', 'export const a = "</script>";\n']]);
    const html = htmlReporter(makeResult(), { color: false, html: { sources, date: '2026-01-02T03:04:05.000Z', commandLine: 'sonde scan .', machine: 'Linux x64' } });
    const { data } = dataBlock(html);
    assert.deepEqual(data.src, { 2: 'export const a = "</script>";\n' });
    assert.deepEqual([data.meta.date, data.meta.command, data.meta.machine, data.meta.source], ['2026-01-02T03:04:05.000Z', 'sonde scan .', 'Linux x64', true]);
    assert.equal(data.meta.rootName, 'project');
  });
});

describe('the stylesheet', () => {
  /** WCAG 2 contrast ratio of two #rrggbb colours. */
  const contrast = (a: string, b: string) => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const palettes = [...HTML_STYLE.matchAll(/\{[^{}]*?(--bg:[^}]*)\}/g)].map((match) =>
    Object.fromEntries([...match[1].matchAll(/--([a-z]+):(#[0-9a-f]{6})/g)].map((pair) => [pair[1], pair[2]])),
  );

  it('has a light and a dark palette whose text colours meet WCAG AA (4.5:1) on every background they sit on', () => {
    assert.equal(palettes.length, 2, 'light, and dark under prefers-color-scheme');
    assert.match(HTML_STYLE, /@media \(prefers-color-scheme:dark\)/);
    for (const palette of palettes) {
      for (const text of ['fg', 'muted', 'accent', 'err', 'warn', 'info']) {
        for (const background of ['bg', 'panel', 'row']) {
          const ratio = contrast(palette[text], palette[background]);
          assert.ok(ratio >= 4.5, `${text} ${palette[text]} on ${background} ${palette[background]}: ${ratio.toFixed(2)}`);
        }
      }
      assert.ok(contrast(palette.fg, palette.line) >= 4.5, 'directory labels in the treemap');
    }
  });
});
