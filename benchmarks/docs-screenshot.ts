/**
 * The README's picture of the HTML report: a real scan of rxjs (the copy in
 * node_modules/rxjs/src), written with `--format html`, opened in headless
 * Chromium on the treemap, saved as docs/images/report-rxjs.png. Rerun it
 * when the page changes:
 *
 *   npm run docs:screenshot
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../test/helpers/chromium-page.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const target = path.join(REPO, 'docs', 'images', 'report-rxjs.png');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sonde-docs-'));
try {
  const report = path.join(work, 'report.html');
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'sonde.js'), 'scan', 'node_modules/rxjs/src', '--format', 'html', '-o', report, '--progress', 'none', '--fail-on', 'never'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  const page = await launchChromium(1100, 720);
  try {
    await page.open(`${pathToFileURL(report).href}#treemap`);
    await page.evaluate(`new Promise((resolve) => { const check = () => document.querySelector('svg.treemap g.tm-node') ? resolve(true) : setTimeout(check, 20); check(); })`);
    // Colour by cognitive complexity, the metric people ask about first.
    await page.evaluate(`{ const s = document.getElementById('tm-metric'); s.value = 'cg'; s.dispatchEvent(new Event('change')); }`);
    if (page.problems.length) throw new Error(page.problems.join('\n'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await page.screenshot(target);
  } finally {
    await page.close();
  }
  console.log(`${path.relative(REPO, target)}: ${(fs.statSync(target).size / 1024).toFixed(0)} KiB`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
