/**
 * The HTML report at scale (issue #16): for generated projects of 2,000 and
 * 20,000 files, the size of `--format html` (with and without
 * --html-include-source), the time to write it, and in headless Chromium the
 * time until the page is ready (its `data-ready` mark: data parsed, first view
 * drawn, in ms since navigation start), the load event, and how long the
 * heavy interactions take (first treemap, a zoom, a findings filter, a
 * hotspot sort). Each load is a fresh Chromium; sizes are interleaved
 * round-robin; medians with min–max.
 *
 *   npm run bench:html -- [--sizes 2000,20000] [--runs 5] [--dir DIR]
 *
 * --dir keeps the generated projects (and their warm cache) between runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateProject } from '../src/generate/index.js';
import { launchChromium, type ChromiumPage } from '../test/helpers/chromium-page.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(REPO, 'bin', 'sonde.js');

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '2000,20000' }, runs: { type: 'string', default: '5' }, dir: { type: 'string' } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const work = values.dir ? path.resolve(values.dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'sonde-bench-html-'));

interface Report {
  readonly files: number;
  readonly file: string;
  readonly bytes: number;
  readonly sourceBytes: number;
  readonly writeMs: number;
}

/** Scans with a warm cache (the scan is not what is measured) and returns the report's size and the command's wall time. */
function writeReport(files: number): Report {
  const project = path.join(work, `g${files}`);
  if (!fs.existsSync(path.join(project, 'sonde-ground-truth.json'))) generateProject({ size: files, seed: 1, outDir: project });
  const file = path.join(work, `report-${files}.html`);
  const withSource = path.join(work, `report-${files}-source.html`);
  const scan = (output: string, extra: string[]) => {
    const started = performance.now();
    const r = spawnSync(process.execPath, [BIN, 'scan', project, '--format', 'html', '-o', output, '--progress', 'none', '--fail-on', 'never', '--cache',
      '--cache-location', path.join(work, `cache-${files}.sqlite`), ...extra], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return performance.now() - started;
  };
  scan(file, []); // warms the cache
  const writeMs = scan(file, []);
  scan(withSource, ['--html-include-source']);
  return { files, file, bytes: fs.statSync(file).size, sourceBytes: fs.statSync(withSource).size, writeMs };
}

/**
 * ms from running `action` (setting the hash, a click) until `done` holds, checked every few ms
 * (a timer, not animation frames, which a busy headless browser may stop delivering).
 */
async function timed(page: ChromiumPage, step: string, action: string, done: string): Promise<number> {
  try {
    return await page.evaluate<number>(`new Promise((resolve) => { const t0 = performance.now(); ${action};
      const check = () => (${done}) ? resolve(performance.now() - t0) : setTimeout(check, 2); check(); })`);
  } catch (error) {
    throw new Error(`${step}: ${(error as Error).message}`);
  }
}

interface Load {
  readonly readyMs: number;
  readonly loadEventMs: number;
  readonly heapMiB: number;
  readonly treemapMs: number;
  readonly zoomMs: number;
  readonly filterMs: number;
  readonly sortMs: number;
}

async function load(report: Report): Promise<Load> {
  const page = await launchChromium(1280, 800);
  try {
    await page.open(pathToFileURL(report.file).href);
    const readyMs = Number(await page.evaluate<string>('document.documentElement.dataset.ready'));
    const loadEventMs = await page.evaluate<number>(`performance.getEntriesByType('navigation')[0].loadEventStart`);
    const heapMiB = (await page.evaluate<number>('performance.memory.usedJSHeapSize')) / 2 ** 20;
    const treemapMs = await timed(page, 'treemap', `location.hash = '#treemap'`, `document.querySelector('svg.treemap g.tm-node')`);
    const zoomMs = await timed(page, 'zoom', `document.querySelector('g.tm-node[data-kind=dir]').dispatchEvent(new MouseEvent('click', { bubbles: true }))`,
      `document.querySelector('nav.crumbs button') && document.querySelector('nav.crumbs [aria-current]').textContent !== 'src'`);
    await timed(page, 'findings', `location.hash = '#findings'`, `document.getElementById('findings-list')?.dataset.rows`);
    const filterMs = await timed(page, 'filter', `{ const s = document.getElementById('f-rule'); s.value = 'complexity'; s.dispatchEvent(new Event('change')); }`,
      `document.querySelector('#findings-list .vrow code')?.textContent === 'complexity'`);
    await timed(page, 'hotspots', `location.hash = '#hotspots'`, `document.querySelector('#hotspots-table tbody tr')`);
    const sortMs = await timed(page, 'sort', `document.querySelector('#hotspots-table th[data-key=file] button').click()`,
      `document.querySelector('#hotspots-table th[data-key=file]').getAttribute('aria-sort') === 'ascending'`);
    if (page.problems.length) throw new Error(`the page reported problems: ${page.problems.join('; ')}`);
    return { readyMs, loadEventMs, heapMiB, treemapMs, zoomMs, filterMs, sortMs };
  } finally {
    await page.close();
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const cell = (xs: readonly number[], digits = 0) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

const reports = sizes.map(writeReport);
const loads = new Map<number, Load[]>(sizes.map((size) => [size, []]));
// A load that fails (a hung browser on a busy machine) is reported, not averaged in and not fatal.
const failures: string[] = [];
for (let run = 0; run < runs; run++) {
  for (const report of reports) {
    try {
      loads.get(report.files)!.push(await load(report));
    } catch (error) {
      failures.push(`${report.files} files, run ${run + 1}: ${(error as Error).message}`);
    }
  }
}

console.log(`HTML report, ${runs} loads per size (fresh Chromium each, 1280×800), median (min–max); ${os.cpus()[0]?.model.trim()} ×${os.availableParallelism()}, load average ${os.loadavg()[0].toFixed(1)}\n`);
console.log('| files | report | with --html-include-source | write (scan, warm cache) | ready ms | load event ms | JS heap MiB | treemap ms | zoom ms | filter ms | sort ms |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const report of reports) {
  const l = loads.get(report.files)!;
  if (l.length === 0) continue;
  const col = (key: keyof Load, digits = 0) => cell(l.map((x) => x[key]), digits);
  console.log(`| ${report.files.toLocaleString('en-US')} | ${mb(report.bytes)} | ${mb(report.sourceBytes)} | ${(report.writeMs / 1000).toFixed(2)} s | ${col('readyMs')} | ${col('loadEventMs')} | ${col('heapMiB', 1)} | ${col('treemapMs')} | ${col('zoomMs')} | ${col('filterMs')} | ${col('sortMs')} |`);
}
if (failures.length) console.log(`\nFailed loads (left out above):\n${failures.map((line) => `- ${line}`).join('\n')}`);
if (!values.dir) fs.rmSync(work, { recursive: true, force: true });
