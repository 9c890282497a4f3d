/**
 * The page's script, part 2: the treemap. Area is code lines, colour a metric
 * chosen on the page, on a viridis scale (perceptually even, readable with
 * the common colour-vision deficiencies, dark to light so it also reads in
 * grey). Squarified layout (Bruls, Huizing, van Wijk 2000), computed here for
 * the directory in view only: one level of boxes plus their children, so a
 * 20,000-file tree never puts 20,000 elements in the page.
 */
export const SCRIPT_TREEMAP = String.raw`
var VIRIDIS = [[68,1,84],[72,40,120],[62,74,137],[49,104,142],[38,130,142],[31,158,137],[53,183,121],[110,206,88],[181,222,43],[253,231,37]];
function viridis(t) {
  t = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
  var k = Math.min(VIRIDIS.length - 2, Math.floor(t)), f = t - k, a = VIRIDIS[k], b = VIRIDIS[k + 1];
  return [0, 1, 2].map(function (c) { return Math.round(a[c] + (b[c] - a[c]) * f); });
}
function rgb(c) { return 'rgb(' + c.join(',') + ')'; }
/** Black or white, whichever contrasts more with the fill (WCAG relative luminance). */
function inkOn(c) {
  var l = c.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  var lum = 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  return (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) ? '#000' : '#fff';
}
var METRICS = {
  cy: { label: 'max cyclomatic complexity', note: 'of the most complex function in each file; a directory drawn whole: its maximum',
    file: function (i) { return fMaxCy[i]; }, dir: function (d) { return dMaxCy[d]; } },
  cg: { label: 'max cognitive complexity', note: 'of the hardest-to-read function in each file; a directory drawn whole: its maximum',
    file: function (i) { return fMaxCg[i]; }, dir: function (d) { return dMaxCg[d]; } },
  fd: { label: 'findings per 100 code lines', note: 'each file\u2019s findings per 100 of its code lines; a directory drawn whole: its total rate',
    file: function (i) { return D.f.c[i] ? fFind[i] * 100 / D.f.c[i] : (fFind[i] ? Infinity : 0); },
    dir: function (d) { return dCode[d] ? dFind[d] * 100 / dCode[d] : 0; } }
};
/** The top of each colour scale: the 95th percentile over files, so one outlier does not wash everything else out. */
function scaleTop(key) {
  var m = METRICS[key];
  if (m.top) return m.top;
  var values = [];
  for (var k = 0; k < NF; k++) if (D.f.c[k] > 0) values.push(Math.min(m.file(k), 1e9));
  values.sort(function (a, b) { return a - b; });
  var p = values.length ? values[Math.floor((values.length - 1) * 0.95)] : 1;
  m.top = Math.max(1, key === 'fd' ? Math.ceil(p * 10) / 10 : Math.ceil(p));
  return m.top;
}
function squarify(values, x, y, w, hgt) {
  var n = values.length, out = new Array(n), total = 0, k;
  for (k = 0; k < n; k++) total += values[k];
  if (!total || w <= 0 || hgt <= 0) return out;
  var scale = w * hgt / total, start = 0;
  while (start < n) {
    var side = Math.min(w, hgt), sum = 0, min = Infinity, max = 0, best = Infinity, end = start;
    while (end < n) {
      var a = values[end] * scale, s2 = sum + a, mn = Math.min(min, a), mx = Math.max(max, a);
      var worst = Math.max(side * side * mx / (s2 * s2), (s2 * s2) / (side * side * mn));
      if (end > start && worst > best) break;
      best = worst; sum = s2; min = mn; max = mx; end++;
    }
    var thick = sum / side, off = 0;
    for (k = start; k < end; k++) {
      var len = values[k] * scale / thick;
      out[k] = w >= hgt ? [x, y + off, thick, len] : [x + off, y, len, thick];
      off += len;
    }
    if (w >= hgt) { x += thick; w -= thick; } else { y += thick; hgt -= thick; }
    start = end;
  }
  return out;
}
/** The entries of a directory, largest first (name breaks ties, so the layout is stable). */
function entriesOf(dir) {
  var out = [];
  childDirs[dir].forEach(function (c) { out.push({ dir: true, id: c, code: dCode[c], name: S[D.d.n[c]] + '/' }); });
  childFiles[dir].forEach(function (c) { out.push({ dir: false, id: c, code: D.f.c[c], name: S[D.f.n[c]] }); });
  return out.sort(function (a, b) { return b.code - a.code || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
}
/** The first directory with more than one entry: a tree under src/ opens at src/. */
function startDir() {
  var dir = 0;
  while (childFiles[dir].length === 0 && childDirs[dir].length === 1) dir = childDirs[dir][0];
  return dir;
}
var tm = { dir: -1, metric: 'cy', svg: null, crumbs: null, legend: null, status: null, wrap: null };
function entryValue(e) { var m = METRICS[tm.metric]; return e.dir ? m.dir(e.id) : m.file(e.id); }
function entryColour(e) { return viridis(entryValue(e) / scaleTop(tm.metric)); }
function describe(e) {
  var path = e.dir ? dirPath[e.id] + '/' : filePath(e.id), v = entryValue(e);
  var shown = v === Infinity ? 'no code lines' : (tm.metric === 'fd' ? v.toFixed(1) : fmt(v));
  return path + ' \u2014 ' + plural(e.code, 'code line') + (e.dir ? ', ' + plural(dFiles[e.id], 'file') : '') + ', ' + METRICS[tm.metric].label + ': ' + shown;
}
function openEntry(e) { location.hash = e.dir ? '#treemap/' + e.id : '#file/' + e.id; }
function renderTreemap(panel, arg) {
  if (!tm.svg) {
    var select = h('select', { id: 'tm-metric', onchange: function () { tm.metric = select.value; drawTreemap(); } }, [
      h('option', { value: 'cy', text: 'max cyclomatic' }), h('option', { value: 'cg', text: 'max cognitive' }), h('option', { value: 'fd', text: 'findings per 100 lines' })]);
    tm.crumbs = h('nav', { class: 'crumbs', 'aria-label': 'Directory' });
    tm.legend = h('div', { class: 'legend' });
    tm.status = h('p', { class: 'status', 'aria-live': 'polite' });
    tm.svg = sv('svg', { class: 'treemap', role: 'group', 'aria-label': 'Treemap: area is code lines' });
    tm.wrap = h('div', { class: 'tm-wrap' }, [tm.svg]);
    panel.appendChild(h('div', { class: 'toolbar' }, [h('label', null, ['Colour', select]), tm.legend]));
    panel.appendChild(tm.crumbs);
    panel.appendChild(h('p', { class: 'muted', text: 'Area: code lines. Click a directory to zoom in, a file to open it; arrow keys move between boxes, Enter opens, Backspace goes up.' }));
    panel.appendChild(tm.wrap);
    panel.appendChild(tm.status);
    var timer;
    window.addEventListener('resize', function () { clearTimeout(timer); timer = setTimeout(function () { if (!panel.hidden) drawTreemap(); }, 150); });
  }
  var dir = arg == null || arg === '' ? startDir() : Number(arg);
  tm.dir = dir >= 0 && dir < ND ? dir : 0;
  drawTreemap();
}
function drawLegend() {
  var top = scaleTop(tm.metric), w = 220;
  var g = sv('svg', { width: w + 20, height: 34, role: 'img', 'aria-label': 'Colour scale from 0 to ' + top + ' or more' });
  var grad = sv('linearGradient', { id: 'tm-grad' });
  VIRIDIS.forEach(function (c, k) { grad.appendChild(sv('stop', { offset: (k / (VIRIDIS.length - 1) * 100) + '%', 'stop-color': rgb(c) })); });
  var defs = sv('defs', {}); defs.appendChild(grad); g.appendChild(defs);
  g.appendChild(sv('rect', { x: 10, y: 2, width: w, height: 14, fill: 'url(#tm-grad)' }));
  [[0, '0', 'start'], [0.5, tm.metric === 'fd' ? (top / 2).toFixed(1) : String(Math.round(top / 2)), 'middle'], [1, '\u2265 ' + top, 'end']].forEach(function (t) {
    var label = sv('text', { x: 10 + t[0] * w, y: 30, 'text-anchor': t[2] }); label.textContent = t[1]; g.appendChild(label);
  });
  clear(tm.legend).appendChild(h('span', { text: METRICS[tm.metric].label + ':' }));
  tm.legend.appendChild(g);
  tm.legend.appendChild(h('span', { class: 'muted', text: '(' + METRICS[tm.metric].note + ')' }));
}
function drawCrumbs() {
  clear(tm.crumbs);
  var chain = [], d = tm.dir;
  while (d >= 0) { chain.unshift(d); d = D.d.p[d]; }
  chain.forEach(function (c, k) {
    if (k) tm.crumbs.appendChild(h('span', { class: 'muted', 'aria-hidden': 'true', text: '/' }));
    var name = c === 0 ? D.meta.rootName : S[D.d.n[c]];
    if (c === tm.dir) tm.crumbs.appendChild(h('span', { 'aria-current': 'location', text: name }));
    else tm.crumbs.appendChild(h('button', { type: 'button', text: name, onclick: function () { location.hash = '#treemap/' + c; } }));
  });
}
function label(parent, x, y, w, text, colour) {
  var room = Math.floor((w - 8) / 7);
  if (room < 3) return;
  var t = sv('text', { x: x + 4, y: y + 13, class: colour ? 'tm-label' : 'tm-label tm-dirlabel', fill: colour ? inkOn(colour) : null });
  t.textContent = text.length > room ? text.slice(0, room - 1) + '\u2026' : text;
  parent.appendChild(t);
}
/**
 * Fills a directory's box with its whole subtree down to the files, so the
 * colour shows where in the directory the complexity is. A directory is
 * opened only when the element budget still holds all its entries (so an
 * opened one never shows a gap); otherwise, and under ~8 px, it keeps a
 * colour of its own.
 */
function entryCount(dir) { return childDirs[dir].length + childFiles[dir].length; }
function nest(g, dir, x, y, w, hgt, budget) {
  var inner = entriesOf(dir), sub = squarify(inner.map(function (c) { return Math.max(c.code, 1); }), x, y, w, hgt);
  budget.left -= inner.length;
  inner.forEach(function (c, m) {
    var q = sub[m];
    if (!q || q[2] < 2 || q[3] < 2) return;
    var opened = c.dir && q[2] > 8 && q[3] > 8 && budget.left >= entryCount(c.id);
    // A directory drawn with its files is a neutral frame; one drawn without them takes its own colour.
    g.appendChild(sv('rect', { class: opened ? 'tm-sub tm-dir' : 'tm-sub', x: q[0], y: q[1], width: q[2], height: q[3], fill: opened ? null : rgb(entryColour(c)) }));
    if (!opened) return;
    // A sub-directory big enough for its name gets a header strip, as the top level does.
    if (q[2] > 60 && q[3] > 40) { label(g, q[0], q[1], q[2], c.name, null); nest(g, c.id, q[0] + 1, q[1] + 16, q[2] - 2, q[3] - 17, budget); }
    else nest(g, c.id, q[0] + 1, q[1] + 1, q[2] - 2, q[3] - 2, budget);
  });
}
/** Elements the map may draw in all; each top-level box gets a share by its area, so none is left empty. */
var TREEMAP_BUDGET = 6000;
function drawTreemap() {
  var W = Math.max(280, tm.wrap.clientWidth || 800);
  // As tall as the window leaves room for below the toolbar, so the whole map is in view at once.
  var H = Math.round(Math.max(280, Math.min(640, W * 0.6, window.innerHeight - tm.wrap.getBoundingClientRect().top - 40)));
  var svg = tm.svg;
  clear(svg);
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  svg.setAttribute('height', H);
  var entries = entriesOf(tm.dir);
  var rects = squarify(entries.map(function (e) { return Math.max(e.code, 1); }), 0, 0, W, H);
  var nodes = [];
  entries.forEach(function (e, k) {
    var r = rects[k];
    if (!r) return;
    var colour = entryColour(e);
    var g = sv('g', { class: 'tm-node', 'data-depth': 1, 'data-kind': e.dir ? 'dir' : 'file', 'data-id': e.id, tabindex: nodes.length ? -1 : 0, role: 'button',
      'aria-label': describe(e) + (e.dir ? '. Zoom in.' : '. Open file.') });
    var title = sv('title', {}); title.textContent = describe(e); g.appendChild(title);
    var budget = { left: Math.max(50, Math.round(TREEMAP_BUDGET * r[2] * r[3] / (W * H))) };
    var opened = e.dir && r[2] > 24 && r[3] > 40 && budget.left >= entryCount(e.id);
    g.appendChild(sv('rect', { class: opened ? 'tm-box tm-dir' : 'tm-box', x: r[0], y: r[1], width: Math.max(0, r[2]), height: Math.max(0, r[3]), fill: opened ? null : rgb(colour) }));
    if (opened) nest(g, e.id, r[0] + 2, r[1] + 18, r[2] - 4, r[3] - 20, budget);
    if (r[3] > 16) label(g, r[0], r[1], r[2], e.name, opened ? null : colour);
    g.addEventListener('click', function () { openEntry(e); });
    g.addEventListener('focus', function () { tm.status.textContent = describe(e); });
    g.addEventListener('mouseenter', function () { tm.status.textContent = describe(e); });
    g.addEventListener('keydown', function (ev) {
      var at = nodes.indexOf(g), next = -1;
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); openEntry(e); return; }
      if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') next = Math.min(nodes.length - 1, at + 1);
      else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') next = Math.max(0, at - 1);
      else if (ev.key === 'Home') next = 0;
      else if (ev.key === 'End') next = nodes.length - 1;
      else if ((ev.key === 'Backspace' || ev.key === 'Escape') && tm.dir > 0) { ev.preventDefault(); location.hash = '#treemap/' + D.d.p[tm.dir]; return; }
      if (next < 0) return;
      ev.preventDefault();
      g.setAttribute('tabindex', '-1'); nodes[next].setAttribute('tabindex', '0'); nodes[next].focus();
    });
    nodes.push(g);
    svg.appendChild(g);
  });
  svg.setAttribute('data-rects', String(nodes.length));
  drawCrumbs();
  drawLegend();
  tm.status.textContent = entries.length ? plural(entries.length, 'entry').replace('entrys', 'entries') + ' in ' + (tm.dir === 0 ? D.meta.rootName : dirPath[tm.dir] + '/') : 'No files.';
}
`;
