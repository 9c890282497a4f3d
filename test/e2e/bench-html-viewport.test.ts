/**
 * The HTML report's answer is on the first screen: at 1280×800 the
 * comparison (speedup, interval, verdict) lies wholly inside the viewport,
 * with no scrolling, for a report with many strategies, recommendations and
 * warnings. Measured in headless Chromium (skipped outside CI without it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { exportHtml } from '../../src/bench/export/html.js';
import { makeReport, tempDir } from '../bench/helpers.js';
import { programPath, requireProgram } from '../helpers/require-program.js';
import { removeTree } from '../helpers/temp-tree.js';

const noChromium = requireProgram('chromium');

/** After layout, the page records the comparison's box and the viewport on <html> for --dump-dom to show. */
const PROBE = `<script>addEventListener('load',function(){var el=document.getElementById('comparison');
var r=el?el.getBoundingClientRect():null;document.documentElement.setAttribute('data-probe',JSON.stringify({box:r&&{left:r.left,top:r.top,right:r.right,bottom:r.bottom},
vw:innerWidth,vh:innerHeight,scrollX:scrollX,scrollY:scrollY,text:el?el.textContent:''}));});</script>`;

test('at 1280×800 the comparison table is inside the viewport', { skip: noChromium }, (t) => {
  const out = tempDir('sonde-html-viewport-');
  t.after(() => removeTree(out));
  const report = makeReport({
    sequential: [1000, 1010, 990, 1005, 995],
    'parallel:2': [700, 710, 690, 705, 695],
    'parallel:4': [1100, 1120, 1090, 1105, 1095],
    'cache:cold': [1200, 1210, 1190, 1205, 1195],
    'cache:warm': [100, 101, 99, 102, 98],
    'cache:partial:10': [300, 305, 298, 302, 299],
  });
  const html = exportHtml({
    ...report,
    settings: { ...report.settings, target: `/home/someone/projects/${'a-very-long-folder-name/'.repeat(6)}repo` },
    warnings: ['parallel:4: 1 slower statistical outlier than the rest (modified z-score > 3.5).', 'cache:cold: the 95% interval reaches +12.0% of the geometric mean.'],
  });
  const file = path.join(out, 'r.html');
  fs.writeFileSync(file, html.replace('</body>', `${PROBE}</body>`));
  const profile = path.join(out, 'profile');
  const r = spawnSync(
    programPath('chromium'),
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--hide-scrollbars', `--user-data-dir=${profile}`, '--window-size=1280,800', '--dump-dom', `file://${file}`],
    { encoding: 'utf8', timeout: 90_000 },
  );
  assert.equal(r.status, 0, r.stderr);
  const raw = /data-probe="([^"]*)"/.exec(r.stdout)?.[1];
  assert.ok(raw, 'the probe ran');
  const probe = JSON.parse(raw.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as {
    box: { left: number; top: number; right: number; bottom: number } | null;
    vw: number;
    vh: number;
    text: string;
  };
  assert.equal(probe.vw, 1280);
  assert.ok(probe.box, 'the report has a #comparison element');
  const { left, top, right, bottom } = probe.box;
  assert.ok(left >= 0 && top >= 0 && right <= probe.vw && bottom <= probe.vh, `box ${JSON.stringify(probe.box)} outside 1280×${probe.vh}`);
  // It holds the answer: speedup, interval and verdict of every strategy.
  for (const strategy of ['parallel:2', 'parallel:4', 'cache:cold', 'cache:warm', 'cache:partial:10']) assert.ok(probe.text.includes(strategy), strategy);
  assert.match(probe.text, /1\.43× faster/);
  assert.match(probe.text, /95% CI [\d.]+–[\d.]+/);
  assert.match(probe.text, /faster.*slower|slower.*faster/);
});
