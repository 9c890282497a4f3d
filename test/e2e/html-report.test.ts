/**
 * End to end: `sonde scan --format html -o report.html --html-include-source`
 * as a user runs it, then the page in headless Chromium (driven over the
 * DevTools pipe): it loads without a console error, the treemap has one box
 * per top-level entry and zooms into a directory, sorting and filtering
 * change the rows, the tabs answer the arrow keys, and a file named like an
 * HTML tag stays text (no alert, no img element).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, type ChromiumPage } from '../helpers/chromium-page.js';
import { requireProgram } from '../helpers/require-program.js';
import { makeTempDir, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const BIN = fileURLToPath(new URL('../../../bin/sonde.js', import.meta.url));
const XSS = '<img src=x onerror=alert(1)>.ts';

const branchy = (name: string, branches: number) =>
  `export function ${name}(x: number): number {\n${Array.from({ length: branches }, (_, k) => `  if (x === ${k}) return ${k};\n`).join('')}  return -1;\n}\n`;

const TREE: Record<string, string> = {
  'index.ts': `import { a } from './src/a';\nexport function main() {\n  return a(1);\n}\n`,
  'src/a.ts': `import { b } from './b';\n${branchy('a', 14)}export function useB() {\n  return b(2);\n}\n`,
  'src/b.ts': `import { a } from './a';\n${branchy('b', 3)}export function useA() {\n  return a(3);\n}\n`,
  [`src/${XSS}`]: `// TODO: ${XSS}\n${branchy('xss', 5)}`,
  'lib/util.ts': `export function tiny() {\n  return 1;\n}\n${branchy('medium', 8)}`,
};

/** Resolves once `expression` is truthy in the page (the page works in events and animation frames). */
const until = (page: ChromiumPage, expression: string) =>
  page.evaluate(`new Promise((resolve) => { const check = () => { const v = (${expression}); if (v) resolve(v); else setTimeout(check, 10); }; check(); })`);

describe('the HTML report in Chromium', { skip: requireProgram('chromium') }, () => {
  let root: string;
  let out: string;
  let page: ChromiumPage;
  let url: string;
  before(async () => {
    root = makeTempTree(TREE);
    out = makeTempDir();
    const report = path.join(out, 'report.html');
    const r = spawnSync(process.execPath, [BIN, 'scan', root, '--format', 'html', '-o', report, '--html-include-source', '--progress', 'none', '--fail-on', 'never'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(r.status, 0, r.stderr);
    url = pathToFileURL(report).href;
    page = await launchChromium(1280, 800);
    await page.open(url);
    await until(page, `document.documentElement.dataset.ready`);
  });
  after(async () => {
    await page?.close();
    removeTree(root);
    removeTree(out);
  });

  it('loads without a console error, exception or CSP violation', async () => {
    assert.deepEqual(page.problems, []);
    assert.equal(await page.evaluate(`document.querySelector('[role=tab][aria-selected=true]').textContent`), 'Summary');
  });

  it('draws one treemap box per top-level entry, and zooms into a directory on click', async () => {
    await page.evaluate(`location.hash = '#treemap'`);
    await until(page, `document.querySelector('svg.treemap g.tm-node')`);
    const top = await page.evaluate<string[]>(`[...document.querySelectorAll('svg.treemap g.tm-node[data-depth="1"]')].map((g) => g.dataset.kind + ':' + g.querySelector('title').textContent.split(' ')[0])`);
    assert.deepEqual(top.sort(), ['dir:lib/', 'dir:src/', 'file:index.ts']);
    await page.evaluate(`[...document.querySelectorAll('g.tm-node[data-kind=dir]')].find((g) => g.querySelector('title').textContent.startsWith('src/')).dispatchEvent(new MouseEvent('click', { bubbles: true }))`);
    await until(page, `document.querySelector('nav.crumbs [aria-current]')?.textContent === 'src'`);
    const inSrc = await page.evaluate<string[]>(`[...document.querySelectorAll('svg.treemap g.tm-node[data-depth="1"]')].map((g) => g.querySelector('title').textContent.split(' \\u2014 ')[0]).sort()`);
    assert.deepEqual(inSrc, [`src/${XSS}`, 'src/a.ts', 'src/b.ts']);
    // Arrow keys move the focus between boxes (one tab stop for the whole map), Backspace goes up.
    await page.evaluate(`document.querySelector('g.tm-node[tabindex="0"]').focus(); document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))`);
    assert.equal(await page.evaluate(`[...document.querySelectorAll('g.tm-node')].indexOf(document.activeElement)`), 1);
    assert.equal(await page.evaluate(`document.querySelectorAll('g.tm-node[tabindex="0"]').length`), 1);
    // The breadcrumb leads back out.
    await page.evaluate(`document.querySelector('nav.crumbs button').click()`);
    await until(page, `document.querySelectorAll('svg.treemap g.tm-node[data-depth="1"]').length === 3 && !document.querySelector('nav.crumbs button')`);
  });

  it('sorts the hotspots by the header button pressed', async () => {
    await page.evaluate(`location.hash = '#hotspots'`);
    await until(page, `document.querySelector('#hotspots-table tbody tr')`);
    const names = () => page.evaluate<string[]>(`[...document.querySelectorAll('#hotspots-table tbody tr td:first-child')].map((td) => td.textContent)`);
    assert.deepEqual(await names(), ['a', 'medium', 'xss', 'b', 'main', 'tiny', 'useB', 'useA'], 'by cyclomatic, highest first, then the report model\'s tie-breaks');
    await page.evaluate(`document.querySelector('#hotspots-table th[data-key=name] button').click()`);
    assert.deepEqual(await names(), ['a', 'b', 'main', 'medium', 'tiny', 'useA', 'useB', 'xss']);
    assert.equal(await page.evaluate(`document.querySelector('#hotspots-table th[data-key=name]').getAttribute('aria-sort')`), 'ascending');
  });

  it('filters the findings by rule, severity and path', async () => {
    await page.evaluate(`location.hash = '#findings'`);
    await until(page, `document.getElementById('findings-list')?.dataset.rows`);
    const rows = () => page.evaluate<number>(`Number(document.getElementById('findings-list').dataset.rows)`);
    const all = await rows();
    assert.ok(all >= 4, `complexity, todo-comment, import-cycle and unused-export findings (${all})`);
    await page.evaluate(`{ const s = document.getElementById('f-rule'); s.value = 'todo-comment'; s.dispatchEvent(new Event('change')); }`);
    assert.equal(await rows(), 1);
    const shown = await page.evaluate<string>(`document.querySelector('#findings-list .vrow').textContent`);
    assert.match(shown, /todo-comment/);
    assert.ok(shown.includes(`src/${XSS}:1:`), 'the hostile path is shown as text');
    await page.evaluate(`{ const s = document.getElementById('f-rule'); s.value = ''; s.dispatchEvent(new Event('change'));
      const p = document.getElementById('f-path'); p.value = 'lib/'; p.dispatchEvent(new Event('input')); }`);
    await until(page, `document.getElementById('findings-list').dataset.rows !== '${all}'`);
    assert.ok((await rows()) < all);
    assert.equal(await page.evaluate(`[...document.querySelectorAll('#findings-list .vrow a')].every((a) => a.textContent.startsWith('lib/'))`), true);
  });

  it('moves between tabs with the arrow keys (roving tabindex)', async () => {
    await page.evaluate(`document.getElementById('tab-findings').focus(); document.getElementById('tab-findings').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))`);
    await until(page, `document.getElementById('tab-file').getAttribute('aria-selected') === 'true'`);
    assert.equal(await page.evaluate(`document.activeElement.id`), 'tab-file');
    assert.deepEqual(await page.evaluate(`[...document.querySelectorAll('[role=tab]')].filter((t) => t.tabIndex === 0).map((t) => t.id)`), ['tab-file']);
    assert.equal(await page.evaluate(`document.getElementById('panel-findings').hidden`), true);
  });

  it('shows a file named like an HTML tag as text, with its source: no alert, no img element', async () => {
    const index = await page.evaluate<number>(`[...document.querySelectorAll('#file-list a')].find((a) => a.textContent.includes('onerror')).getAttribute('href').split('/')[1]`);
    await page.evaluate(`location.hash = '#file/${index}'`);
    await until(page, `document.getElementById('file-path')`);
    assert.equal(await page.evaluate(`document.getElementById('file-path').textContent`), `src/${XSS}`);
    assert.match(await page.evaluate<string>(`document.querySelector('pre.src').textContent`), /TODO: <img src=x onerror=alert\(1\)>\.ts/);
    assert.equal(await page.evaluate(`document.querySelectorAll('img').length`), 0);
    assert.deepEqual(page.dialogs, []);
    assert.deepEqual(page.problems, []);
  });

  it('draws the import cycle as a graph with its modules named', async () => {
    await page.evaluate(`location.hash = '#cycles'`);
    await until(page, `document.querySelector('.cycle svg')`);
    assert.deepEqual(await page.evaluate(`[...document.querySelectorAll('.cycle svg .node text')].map((t) => t.textContent)`), ['a.ts', 'b.ts']);
    assert.equal(await page.evaluate(`document.querySelectorAll('.cycle svg path.edge').length`), 2);
    assert.deepEqual(page.problems, []);
  });

  it('opens the report of an empty scan without an error in any view', async () => {
    const empty = makeTempDir();
    const report = path.join(out, 'empty.html');
    const r = spawnSync(process.execPath, [BIN, 'scan', empty, '--format', 'html', '-o', report, '--progress', 'none', '--no-error-on-unmatched-pattern'], { encoding: 'utf8' });
    removeTree(empty);
    assert.equal(r.status, 0, r.stderr);
    await page.open(pathToFileURL(report).href);
    await until(page, `document.documentElement.dataset.ready`);
    for (const view of ['treemap', 'hotspots', 'findings', 'file', 'cycles', 'about']) {
      await page.evaluate(`location.hash = '#${view}'`);
      await until(page, `!document.getElementById('panel-${view}').hidden && document.getElementById('panel-${view}').childElementCount > 0`);
    }
    assert.equal(await page.evaluate(`document.querySelectorAll('svg.treemap g.tm-node').length`), 0);
    assert.deepEqual(page.problems, []);
  });
});
