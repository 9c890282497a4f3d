/**
 * The page's script, part 5: the file view (finder, functions with every
 * metric, findings, source text when embedded) and the router: tabs with a
 * roving tabindex, the URL hash as the page's state (so Back works and a view
 * can be linked). It runs last: the router calls every view.
 */
export const SCRIPT_FILE = String.raw`
var fileFilter = '';
function renderFileFinder(panel) {
  var input = h('input', { id: 'file-find', type: 'search', placeholder: 'part of a path', 'aria-label': 'Find a file' });
  var count = h('p', { class: 'status', 'aria-live': 'polite' });
  var box = h('div', { class: 'vlist', id: 'file-list', tabindex: 0, 'aria-label': 'Files' });
  panel.appendChild(h('h2', { text: 'Files' }));
  panel.appendChild(h('div', { class: 'toolbar' }, [h('label', null, ['Find a file', input])]));
  panel.appendChild(count);
  panel.appendChild(box);
  function apply() {
    fileFilter = input.value;
    var text = input.value.toLowerCase(), match = [];
    for (var k = 0; k < NF; k++) if (!text || filePath(k).toLowerCase().indexOf(text) >= 0) match.push(k);
    count.textContent = 'Showing ' + fmt(match.length) + ' of ' + plural(NF, 'file') + '.';
    virtualList(box, 46, match.length, function (n) {
      var k = match[n];
      return h('div', null, [fileLink(k), h('span', { class: 'msg muted', text: plural(D.f.c[k], 'code line') + ', ' + plural(D.f.k[k], 'function') +
        ', max cyclomatic ' + fMaxCy[k] + ', ' + plural(fFind[k], 'finding') + (D.f.e[k] >= 0 ? ', not analyzed' : '') })]);
    });
  }
  var timer;
  input.value = fileFilter;
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
  apply();
}
function renderFile(panel, arg) {
  clear(panel);
  var k = arg == null || arg === '' ? -1 : Number(arg);
  if (!(k >= 0 && k < NF)) { renderFileFinder(panel); return; }
  var crumbs = h('nav', { class: 'crumbs', 'aria-label': 'Directory' }), chain = [], d = D.f.d[k];
  while (d >= 0) { chain.unshift(d); d = D.d.p[d]; }
  chain.forEach(function (c) {
    crumbs.appendChild(h('a', { href: '#treemap/' + c, text: c === 0 ? D.meta.rootName : S[D.d.n[c]] }));
    crumbs.appendChild(h('span', { class: 'muted', 'aria-hidden': 'true', text: '/' }));
  });
  panel.appendChild(h('p', null, [h('a', { href: '#file', text: '\u2190 All files' })]));
  panel.appendChild(h('h2', null, [h('code', { id: 'file-path', text: filePath(k) })]));
  panel.appendChild(crumbs);
  panel.appendChild(h('p', { text: plural(D.f.l[k], 'line') + ', ' + fmt(D.f.c[k]) + ' of code, ' + plural(D.f.k[k], 'function') + ', ' + plural(fFind[k], 'finding') + '.' }));
  if (D.f.e[k] >= 0) panel.appendChild(h('p', { class: 'sev-2', text: 'Not analyzed: ' + S[D.f.e[k]] }));
  var source = D.src ? D.src[k] : undefined;
  var fns = [];
  for (var j = fnStart[k]; j < fnStart[k + 1]; j++) fns.push(j);
  panel.appendChild(h('h3', { text: 'Functions (' + fns.length + ')' }));
  if (fns.length) panel.appendChild(sortableTable([
    { key: 'name', label: 'Function', value: function (j) { return S[D.fn.n[j]]; }, cell: function (j) { return h('code', { text: S[D.fn.n[j]] }); } },
    { key: 'line', label: 'Line', num: true, value: function (j) { return D.fn.l[j]; }, cell: function (j) {
      return source === undefined ? String(D.fn.l[j]) : h('a', { href: '#file/' + k + '/' + D.fn.l[j], text: String(D.fn.l[j]) }); } }
  ].concat(FN_COLUMNS), fns, 'line', false, 'Functions'));
  var finds = [];
  for (j = 0; j < NX; j++) if (D.x.f[j] === k) finds.push(j);
  panel.appendChild(h('h3', { text: 'Findings (' + finds.length + ')' }));
  if (finds.length) panel.appendChild(sortableTable([
    { key: 'sev', label: 'Severity', value: function (x) { return -D.x.sv[x]; }, cell: function (x) { return h('span', { class: 'sev sev-' + D.x.sv[x], text: SEV[D.x.sv[x]] }); } },
    { key: 'rule', label: 'Rule', value: function (x) { return S[D.x.r[x]]; }, cell: function (x) { return h('code', { text: S[D.x.r[x]] }); } },
    { key: 'line', label: 'Line', num: true, value: function (x) { return D.x.l[x] * 1e4 + D.x.c[x]; }, cell: function (x) {
      var at = D.x.l[x] + ':' + D.x.c[x]; return source === undefined ? at : h('a', { href: '#file/' + k + '/' + D.x.l[x], text: at }); } },
    { key: 'msg', label: 'Message', value: function (x) { return S[D.x.m[x]]; }, cell: function (x) { return S[D.x.m[x]] + (D.x.sp[x] ? ' (suppressed)' : ''); } }
  ], finds, 'line', false, 'Findings'));
  panel.appendChild(h('h3', { text: 'Source' }));
  if (source === undefined) { panel.appendChild(h('p', { class: 'muted', text: 'Not embedded: run sonde scan with --html-include-source to include source text.' })); return; }
  var marks = {};
  finds.forEach(function (x) { (marks[D.x.l[x]] = marks[D.x.l[x]] || []).push(SEV[D.x.sv[x]] + ' ' + S[D.x.r[x]] + ': ' + S[D.x.m[x]]); });
  var pre = h('pre', { class: 'src', tabindex: 0, 'aria-label': 'Source of ' + filePath(k) }), lines = source.split('\n');
  var frag = document.createDocumentFragment();
  lines.forEach(function (text, n) {
    var note = marks[n + 1];
    frag.appendChild(h('span', { class: note ? 'ln hit' : 'ln', id: 'L' + (n + 1), title: note ? note.join('\n') : null, text: text || ' ' }));
  });
  pre.appendChild(frag);
  panel.appendChild(pre);
}
var RENDER = { summary: renderSummary, treemap: renderTreemap, hotspots: renderHotspots, findings: renderFindings, file: renderFile, cycles: renderCycles, about: renderAbout };
var tabs = Array.prototype.slice.call(document.querySelectorAll('[role=tab]'));
var rendered = {};
function show(name, arg, line) {
  if (!RENDER[name]) name = 'summary';
  tabs.forEach(function (t) {
    var on = t.getAttribute('data-tab') === name;
    t.setAttribute('aria-selected', on ? 'true' : 'false');
    t.setAttribute('tabindex', on ? '0' : '-1');
    document.getElementById('panel-' + t.getAttribute('data-tab')).hidden = !on;
  });
  var panel = document.getElementById('panel-' + name);
  if (!rendered[name] || name === 'treemap' || name === 'file') { RENDER[name](panel, arg); rendered[name] = true; }
  else if (panel.sondeRefresh) panel.sondeRefresh();
  if (line) { var target = document.getElementById('L' + line); if (target) target.scrollIntoView({ block: 'center' }); }
}
/** A tab goes back to where it was: the directory last zoomed into, the file last opened. */
var lastArg = {};
function tabHash(name) { return '#' + name + (lastArg[name] ? '/' + lastArg[name] : ''); }
function route() {
  var parts = decodeURIComponent(location.hash.slice(1)).split('/');
  if (parts[0] === 'treemap' || parts[0] === 'file') lastArg[parts[0]] = parts[1] || '';
  show(parts[0] || 'summary', parts[1], parts[2]);
}
tabs.forEach(function (t, k) {
  t.addEventListener('click', function () { location.hash = tabHash(t.getAttribute('data-tab')); });
  t.addEventListener('keydown', function (ev) {
    var next = ev.key === 'ArrowRight' ? (k + 1) % tabs.length : ev.key === 'ArrowLeft' ? (k + tabs.length - 1) % tabs.length :
      ev.key === 'Home' ? 0 : ev.key === 'End' ? tabs.length - 1 : -1;
    if (next < 0) return;
    ev.preventDefault();
    tabs[next].focus();
    location.hash = tabHash(tabs[next].getAttribute('data-tab'));
  });
});
window.addEventListener('hashchange', route);
route();
document.documentElement.setAttribute('data-ready', String(Math.round(performance.now())));
`;
