/**
 * The page's script, part 4: the import-cycle groups, 25 at a time. A group
 * of up to ten modules is a small SVG graph (modules on a circle, each import
 * an arrow bent to one side, so A→B and B→A stay two arcs; labels are file
 * names, the full path in a tooltip and in the list below); a larger one is
 * only listed, as it would not be legible.
 */
export const SCRIPT_CYCLES = String.raw`
function renderCycles(panel) {
  var LIMIT = 10, shown = 0;
  panel.appendChild(h('p', { class: 'muted', text: D.cyc.length ? plural(D.cyc.length, 'import-cycle group') + '. Groups of up to ' + LIMIT +
    ' modules are drawn; larger ones are listed.' : 'No import cycles (or the import-cycle rule is off).' }));
  var list = h('div'), more = h('button', { type: 'button', class: 'more' });
  panel.appendChild(list); panel.appendChild(more);
  function showMore() {
    var end = Math.min(D.cyc.length, shown + 25);
    for (; shown < end; shown++) list.appendChild(cycleGroup(D.cyc[shown], shown, LIMIT));
    more.hidden = shown >= D.cyc.length;
    more.textContent = 'Show more (' + fmt(D.cyc.length - shown) + ' left)';
  }
  more.addEventListener('click', showMore);
  showMore();
}
function baseName(k) { return S[D.f.n[k]]; }
function cycleGroup(group, n, limit) {
  var box = h('section', { class: 'cycle', 'aria-label': 'Cycle group ' + (n + 1) });
  box.appendChild(h('h3', { text: 'Group ' + (n + 1) + ': ' + plural(group.m.length, 'module') }));
  if (group.m.length <= limit) box.appendChild(cycleSvg(group, n));
  else box.appendChild(h('p', { class: 'muted', text: 'Too many modules to draw legibly; the members:' }));
  box.appendChild(h('ul', { class: 'plain' }, group.m.map(function (k) { return h('li', null, [fileLink(k)]); })));
  return box;
}
function cycleSvg(group, n) {
  var m = group.m, count = m.length, pos = {}, boxW = {};
  var labels = m.map(function (k) { var t = baseName(k); return t.length > 30 ? t.slice(0, 29) + '\u2026' : t; });
  var widest = 0;
  labels.forEach(function (t, q) { boxW[m[q]] = t.length * 7 + 16; widest = Math.max(widest, boxW[m[q]]); });
  var R = count === 1 ? 0 : Math.max(55, count * 26), W = 2 * R + widest + 20, H = 2 * R + 60;
  m.forEach(function (k, q) { var a = -Math.PI / 2 + 2 * Math.PI * q / count; pos[k] = [W / 2 + R * Math.cos(a), H / 2 + R * Math.sin(a)]; });
  var names = m.map(function (k) { return filePath(k); }).join(', ');
  var svg = sv('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, role: 'img', 'aria-label': 'Import cycle between ' + names });
  var marker = sv('marker', { id: 'arrow' + n, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.appendChild(sv('path', { d: 'M0,0 L10,5 L0,10 z' }));
  var defs = sv('defs', {}); defs.appendChild(marker); svg.appendChild(defs);
  group.e.forEach(function (e) {
    var a = pos[e[0]], b = pos[e[1]];
    if (e[0] === e[1]) { svg.appendChild(sv('path', { class: 'edge', d: 'M' + (a[0] - 10) + ',' + (a[1] - 12) + ' c -20,-40 40,-40 20,0', 'marker-end': 'url(#arrow' + n + ')' })); return; }
    var dx = b[0] - a[0], dy = b[1] - a[1], len = Math.sqrt(dx * dx + dy * dy) || 1;
    // Leave each box: the straight line's exit point from a box of half-size (w/2+4, 15).
    var out = function (k, sign) { var hw = boxW[k] / 2 + 4, hh = 15, t = Math.min(Math.abs(dx) > 0.01 ? hw / Math.abs(dx) : 1e9, Math.abs(dy) > 0.01 ? hh / Math.abs(dy) : 1e9);
      var p = pos[k]; return [p[0] + sign * dx * t, p[1] + sign * dy * t]; };
    var s = out(e[0], 1), t = out(e[1], -1);
    // Bend to one side, so A→B and B→A are two visible arcs.
    var cx = (s[0] + t[0]) / 2 - dy / len * 22, cy = (s[1] + t[1]) / 2 + dx / len * 22;
    svg.appendChild(sv('path', { class: 'edge', d: 'M' + s[0] + ',' + s[1] + ' Q' + cx + ',' + cy + ' ' + t[0] + ',' + t[1], 'marker-end': 'url(#arrow' + n + ')' }));
  });
  m.forEach(function (k, q) {
    var p = pos[k], w = boxW[k];
    var g = sv('g', { class: 'node' });
    var title = sv('title', {}); title.textContent = filePath(k); g.appendChild(title);
    g.appendChild(sv('rect', { x: p[0] - w / 2, y: p[1] - 13, width: w, height: 26, rx: 5 }));
    var t = sv('text', { x: p[0], y: p[1] + 4, 'text-anchor': 'middle' }); t.textContent = labels[q]; g.appendChild(t);
    svg.appendChild(g);
  });
  return svg;
}

`;
