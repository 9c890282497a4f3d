/**
 * The page's script, part 1: reads the data block, derives what every view
 * needs (paths, per-file and per-directory aggregates), and provides the DOM
 * helpers. Plain ES2017 in a string, run in the browser, not in Node.
 *
 * Safety: the page never assigns repository strings to innerHTML; every text
 * goes in through textContent or setAttribute, so a file named
 * `<img src=x onerror=…>` stays text.
 */
export const SCRIPT_CORE = String.raw`
var D = JSON.parse(document.getElementById('sonde-data').textContent);
var S = D.s, NF = D.f.d.length, NFN = D.fn.n.length, NX = D.x.f.length, ND = D.d.p.length;
var SEV = ['info', 'warning', 'error'];
var SVGNS = 'http://www.w3.org/2000/svg';
function fmt(n) { return Number(n).toLocaleString('en-US'); }
function h(tag, attrs, kids) {
  var e = document.createElement(tag);
  if (attrs) for (var k in attrs) {
    var v = attrs[k];
    if (v == null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  if (kids) for (var i = 0; i < kids.length; i++) if (kids[i] != null) e.appendChild(typeof kids[i] === 'object' ? kids[i] : document.createTextNode(String(kids[i])));
  return e;
}
function sv(tag, attrs) {
  var e = document.createElementNS(SVGNS, tag);
  for (var k in attrs) if (attrs[k] != null) e.setAttribute(k, String(attrs[k]));
  return e;
}
function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
function plural(n, noun) { return fmt(n) + ' ' + noun + (n === 1 ? '' : 's'); }

var dirPath = new Array(ND); dirPath[0] = '';
for (var d = 1; d < ND; d++) { var pd = D.d.p[d]; dirPath[d] = (pd === 0 ? '' : dirPath[pd] + '/') + S[D.d.n[d]]; }
function filePath(i) { var fd = D.f.d[i]; return (fd === 0 ? '' : dirPath[fd] + '/') + S[D.f.n[i]]; }
var fnStart = new Int32Array(NF + 1);
for (var i = 0; i < NF; i++) fnStart[i + 1] = fnStart[i] + D.f.k[i];
var fnFile = new Int32Array(NFN);
var fMaxCy = new Float64Array(NF), fMaxCg = new Float64Array(NF), fFind = new Int32Array(NF);
for (i = 0; i < NF; i++) {
  var mc = 0, mg = 0;
  for (var j = fnStart[i]; j < fnStart[i + 1]; j++) { fnFile[j] = i; if (D.fn.cy[j] > mc) mc = D.fn.cy[j]; if (D.fn.cg[j] > mg) mg = D.fn.cg[j]; }
  fMaxCy[i] = mc; fMaxCg[i] = mg;
}
for (i = 0; i < NX; i++) if (D.x.f[i] >= 0) fFind[D.x.f[i]]++;
var dCode = new Float64Array(ND), dMaxCy = new Float64Array(ND), dMaxCg = new Float64Array(ND), dFind = new Float64Array(ND), dFiles = new Int32Array(ND);
var childDirs = [], childFiles = [];
for (d = 0; d < ND; d++) { childDirs.push([]); childFiles.push([]); }
for (i = 0; i < NF; i++) {
  d = D.f.d[i]; childFiles[d].push(i); dCode[d] += D.f.c[i]; dFind[d] += fFind[i]; dFiles[d]++;
  if (fMaxCy[i] > dMaxCy[d]) dMaxCy[d] = fMaxCy[i];
  if (fMaxCg[i] > dMaxCg[d]) dMaxCg[d] = fMaxCg[i];
}
// A directory's id is larger than its parent's: one backward pass adds every subtree up.
for (d = ND - 1; d > 0; d--) {
  pd = D.d.p[d]; childDirs[pd].push(d); dCode[pd] += dCode[d]; dFind[pd] += dFind[d]; dFiles[pd] += dFiles[d];
  if (dMaxCy[d] > dMaxCy[pd]) dMaxCy[pd] = dMaxCy[d];
  if (dMaxCg[d] > dMaxCg[pd]) dMaxCg[pd] = dMaxCg[d];
}

/** A table whose header buttons sort it; rows are any values, columns say how to show and compare them. */
function sortableTable(columns, rows, sortKey, descending, caption) {
  var table = h('table');
  if (caption) table.appendChild(h('caption', { class: 'visually-hidden', text: caption }));
  var headRow = h('tr'), body = h('tbody'), ths = [];
  var order = rows.map(function (_, k) { return k; });
  function sortBy(key, desc) {
    var col = columns.filter(function (c) { return c.key === key; })[0];
    order.sort(function (a, b) {
      var va = col.value(rows[a]), vb = col.value(rows[b]);
      var c = va < vb ? -1 : va > vb ? 1 : 0;
      return (desc ? -c : c) || a - b;
    });
    ths.forEach(function (th) { th.setAttribute('aria-sort', th.getAttribute('data-key') === key ? (desc ? 'descending' : 'ascending') : 'none'); });
    sortKey = key; descending = desc;
    clear(body);
    var frag = document.createDocumentFragment();
    order.forEach(function (k) {
      var tr = h('tr');
      columns.forEach(function (c) { var cell = c.cell(rows[k]); tr.appendChild(h('td', { class: c.num ? 'num' : null }, [cell])); });
      frag.appendChild(tr);
    });
    body.appendChild(frag);
  }
  columns.forEach(function (c) {
    var th = h('th', { scope: 'col', class: c.num ? 'num' : null, 'data-key': c.key, 'aria-sort': 'none' });
    th.appendChild(h('button', { type: 'button', text: c.label, onclick: function () { sortBy(c.key, sortKey === c.key ? !descending : c.num === true); } }));
    ths.push(th); headRow.appendChild(th);
  });
  table.appendChild(h('thead', null, [headRow]));
  table.appendChild(body);
  sortBy(sortKey, descending);
  return h('div', { class: 'scroll' }, [table]);
}

/** A list that creates only the rows in view: 50,000 findings stay one scrollable box of ~40 rows. */
function virtualList(box, rowHeight, count, renderRow) {
  clear(box);
  var inner = h('div', { role: 'list' });
  inner.style.position = 'relative';
  inner.style.height = (count * rowHeight) + 'px';
  box.appendChild(inner);
  var pending = false;
  function draw() {
    pending = false;
    var top = box.scrollTop, height = box.clientHeight || 600;
    var from = Math.max(0, Math.floor(top / rowHeight) - 8), to = Math.min(count, Math.ceil((top + height) / rowHeight) + 8);
    clear(inner);
    var frag = document.createDocumentFragment();
    for (var k = from; k < to; k++) {
      var row = renderRow(k);
      row.className += ' vrow';
      row.setAttribute('role', 'listitem');
      row.setAttribute('aria-posinset', k + 1);
      row.setAttribute('aria-setsize', count);
      row.style.top = (k * rowHeight) + 'px';
      row.style.height = rowHeight + 'px';
      if (k % 2) row.style.background = 'var(--row)';
      frag.appendChild(row);
    }
    inner.appendChild(frag);
  }
  box.onscroll = function () { if (!pending) { pending = true; requestAnimationFrame(draw); } };
  box.scrollTop = 0;
  draw();
  return draw;
}
function fileLink(i, text) { return h('a', { href: '#file/' + i, text: text == null ? filePath(i) : text }); }
`;
