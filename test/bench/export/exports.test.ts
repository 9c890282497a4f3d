import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CSV_COLUMNS, csvField, exportCsv } from '../../../src/bench/export/csv.js';
import { exportHtml } from '../../../src/bench/export/html.js';
import { writeExports } from '../../../src/bench/export/index.js';
import { exportJson } from '../../../src/bench/export/json.js';
import { exportMarkdown } from '../../../src/bench/export/markdown.js';
import { formatBenchText } from '../../../src/bench/report/format-text.js';
import { scalingFits, suitePoints } from '../../../src/bench/run/suite.js';
import type { BenchReport, SuiteReport } from '../../../src/bench/types.js';
import { makeReport, tempDir } from '../helpers.js';

const SERIES = {
  sequential: [1000, 1010, 990, 1005, 995],
  'parallel:2': [700, 710, 690, 705, 695],
  'cache:warm': [100, 101, 99, 102, 98],
};

/** Minimal RFC 4180 parser, enough to prove the export round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') (row.push(field), rows.push(row), (row = []), (field = '')), i++;
    else field += ch;
  }
  return rows;
}

function suiteReport(): BenchReport {
  const small = makeReport({ sequential: [500, 510, 490], 'parallel:2': [450, 455, 445] });
  const large = makeReport({ sequential: [5000, 5100, 4900], 'parallel:2': [3000, 3050, 2950] });
  const sizes = [
    { size: 'small', files: 200, lines: 10_000, results: small.results, comparisons: small.comparisons, points: suitePoints(small.results) },
    { size: 'large', files: 2000, lines: 100_000, results: large.results, comparisons: large.comparisons, points: suitePoints(large.results) },
  ];
  const suite: SuiteReport = { sizes, scaling: scalingFits(sizes) };
  return { ...large, suite, settings: { ...large.settings, suite: true, sizes: ['small', 'large'] } };
}

test('CSV: one parsable row per raw sample with the documented columns', () => {
  const report = makeReport(SERIES);
  const rows = parseCsv(exportCsv(report));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length, 1 + 15);
  const firstParallel = rows.find((r) => r[1] === 'parallel:2');
  assert.equal(Number(firstParallel?.[3]), 700);
  assert.equal(csvField('a,"b"'), '"a,""b"""');
  const suiteRows = parseCsv(exportCsv(suiteReport()));
  assert.deepEqual([...new Set(suiteRows.slice(1).map((r) => r[0]))], ['small', 'large']);
});

test('JSON: raw samples, machine, commit and settings; NaN becomes null', () => {
  const report = makeReport(SERIES);
  const doc = JSON.parse(exportJson(report)) as BenchReport;
  assert.equal(doc.kind, 'sonde-bench');
  assert.equal(doc.machine.gitCommit, report.machine.gitCommit);
  assert.equal(doc.machine.cpuModel, 'Test CPU');
  assert.deepEqual(doc.results[1].samples.map((s) => s.wallMs), SERIES['parallel:2']);
  assert.equal(doc.settings.reference, 'sequential');
  const withNaN = { ...report, totalDurationMs: Number.NaN };
  assert.equal((JSON.parse(exportJson(withNaN)) as { totalDurationMs: unknown }).totalDurationMs, null);
});

test('Markdown: a results table with one row per strategy, verdicts and recommendations', () => {
  const md = exportMarkdown(makeReport(SERIES));
  const table = md.split('\n').filter((l) => l.startsWith('|'));
  assert.equal(table.length, 2 + 3);
  assert.match(table[1], /^\|:---\|(---:\|)+$/);
  assert.equal(table[0].split('|').length, table[3].split('|').length, 'every row has the header\'s cell count');
  assert.match(table[3], /`parallel:2`.*1\.43× .*\*\*faster\*\*/);
  assert.match(md, /## Recommendations\n\n- parallel:2 is/);
  const suiteMd = exportMarkdown(suiteReport());
  assert.match(suiteMd, /## Suite/);
  assert.match(suiteMd, /\| large \| 2,000 \| 100,000 \|/);
  assert.match(suiteMd, /### Scaling/);
});

test('text report: hyperfine-like blocks, "times faster" lines, suite tables', () => {
  const text = formatBenchText(makeReport(SERIES));
  assert.match(text, /Benchmark: sequential {2}\(5 runs, 1 warm-up discarded\)/);
  assert.match(text, /Time \(mean ± σ\): +1\.00 s ± 7\.91 ms/);
  assert.match(text, /Range \(min … max\): +990\.0 ms … 1\.01 s/);
  assert.match(text, /parallel:2 vs sequential: 1\.43× faster {2}\(95% CI [\d.]+–[\d.]+, p < 0\.001\) → faster/);
  assert.match(text, /\[geometric mean 1000\.0 ms, 95% CI 990\.2 ms … 1\.01 s\]/);
  // Two runs each: a ratio, no interval, no verdict but "too few runs".
  const few = formatBenchText(makeReport({ sequential: [1000, 1010], 'parallel:2': [700, 710] }));
  assert.match(few, /parallel:2 vs sequential: 1\.43× faster {2}\(no interval\) → too few runs \(need 3 each\)/);
  assert.match(few, /\[no 95% CI below 3 runs\]/);
  assert.doesNotMatch(few, /CI \d/);
  assert.match(few, /too few runs to compare parallel:2 with sequential: measure at least 3 runs each/);
  // The parser code cache each run started with, when one was in use.
  const cold = makeReport({ sequential: [1000, 1010, 990], 'cache:cold': [1100, 1110, 1090] });
  const withCodeCache = { ...cold, results: cold.results.map((r) => (r.strategy === 'cache:cold' ? { ...r, samples: r.samples.map((s) => ({ ...s, codeCacheCompiled: 3, codeCacheLoaded: 0 })) } : r)) };
  const coldText = formatBenchText(withCodeCache);
  assert.match(coldText, /Parser code cache: {3}0 files loaded from it, 9 compiled \(over 3 runs\)/);
  assert.equal(coldText.match(/Parser code cache/g)?.length, 1, 'only where one was in use');
  const suite = formatBenchText(suiteReport());
  assert.match(suite, /Suite: median wall time/);
  assert.match(suite, /Scaling \(fits over sizes/);
  assert.match(suite, /parallel:2 +1\.417 ms/); // (3000 − 450) / 1800 files
});

test('HTML: self-contained (no external resource) with bars, whiskers and scaling curves', () => {
  const html = exportHtml(suiteReport());
  assert.doesNotMatch(html, /<link|<img|src=|@import|url\(/i);
  const urls = html.match(/https?:\/\/[^\s"')]+/g) ?? [];
  assert.deepEqual([...new Set(urls)], ['http://www.w3.org/2000/svg'], 'only the SVG namespace, never a fetch');
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.equal((html.match(/<rect class="bar"/g) ?? []).length, 2 + 2, 'time and memory bars for 2 strategies');
  assert.ok((html.match(/<path class="whisker"/g) ?? []).length >= 2);
  assert.equal((html.match(/<path class="series"/g) ?? []).length, 2 + 2, 'time and memory scaling curves');
  assert.ok(html.includes('&lt;') || !html.includes('<script>alert'), 'text is escaped');
});

test('writeExports writes each requested file, only those', () => {
  const dir = tempDir();
  const written = writeExports(makeReport(SERIES), { json: path.join(dir, 'a/r.json'), csv: path.join(dir, 'r.csv') });
  assert.equal(written.length, 2);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['a', 'r.csv']);
  assert.equal((JSON.parse(fs.readFileSync(path.join(dir, 'a/r.json'), 'utf8')) as BenchReport).results.length, 3);
});
