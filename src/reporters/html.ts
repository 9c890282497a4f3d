/**
 * `--format html`: one self-contained page (inline CSS and JS, data in one
 * `<script type="application/json">` block) that opens from disk with no
 * network. The skeleton is static markup; the script draws the views from
 * the data. A Content-Security-Policy allows exactly this page's own script
 * and style (by hash) and nothing else: no fetch, no image, no other script,
 * so even a string that escaped escaping could not run or phone home.
 */
import { createHash } from 'node:crypto';
import type { ScanResult } from '../types.js';
import { buildHtmlData } from './html-data.js';
import { escapeHtml, jsonForScript } from './html-escape.js';
import { SCRIPT_CORE } from './html-script-core.js';
import { SCRIPT_CYCLES } from './html-script-cycles.js';
import { SCRIPT_FILE } from './html-script-file.js';
import { SCRIPT_TREEMAP } from './html-script-treemap.js';
import { SCRIPT_VIEWS } from './html-script-views.js';
import { HTML_STYLE } from './html-style.js';
import type { ReporterOptions } from './reporter.js';

const SCRIPT = `(function () {\n'use strict';\n${SCRIPT_CORE}${SCRIPT_TREEMAP}${SCRIPT_VIEWS}${SCRIPT_CYCLES}${SCRIPT_FILE}})();\n`;

const TABS: readonly (readonly [string, string])[] = [
  ['summary', 'Summary'],
  ['treemap', 'Treemap'],
  ['hotspots', 'Hotspots'],
  ['findings', 'Findings'],
  ['file', 'Files'],
  ['cycles', 'Import cycles'],
  ['about', 'Provenance'],
];

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(HTML_STYLE)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function tabList(): string {
  const tabs = TABS.map(
    ([id, label], index) =>
      `<button type="button" role="tab" id="tab-${id}" data-tab="${id}" aria-controls="panel-${id}" aria-selected="${index === 0}" tabindex="${index === 0 ? 0 : -1}">${label}</button>`,
  ).join('');
  const panels = TABS.map(([id], index) => `<section role="tabpanel" id="panel-${id}" aria-labelledby="tab-${id}" tabindex="0"${index === 0 ? '' : ' hidden'}></section>`).join('\n');
  return `<div role="tablist" aria-label="Report views">${tabs}</div>\n<main>\n${panels}\n</main>`;
}

/** `--format html`: the whole page, with its trailing newline. */
export function htmlReporter(result: ScanResult, options: ReporterOptions): string {
  const data = buildHtmlData(result, options.html);
  const title = `sonde report: ${data.meta.rootName}`;
  // `2026-12-05 07:18 UTC`: the ISO string's seconds and fraction say nothing to a reader.
  const date = data.meta.date ? [`${data.meta.date.slice(0, 10)} ${data.meta.date.slice(11, 16)} UTC`] : [];
  const subtitle = [`${data.summary.files.toLocaleString('en-US')} files`, `sonde ${data.meta.version}`, ...date].join(' · ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sonde ${escapeHtml(data.meta.version)}">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p class="sub">${escapeHtml(subtitle)}</p></header>
${tabList()}
<noscript><p>This report draws its views with JavaScript; enable it to see them.</p></noscript>
<script type="application/json" id="sonde-data">${jsonForScript(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
