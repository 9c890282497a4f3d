/**
 * The page's script, part 3: the summary, hotspots, findings and provenance
 * views. Long lists (findings, files) are virtual: only the rows in view exist.
 */
export const SCRIPT_VIEWS = String.raw`
function card(k, v, n) { return h('div', { class: 'card' }, [h('div', { class: 'k', text: k }), h('div', { class: 'v', text: v }), n ? h('div', { class: 'n', text: n }) : null]); }
var ruleNames = [], ruleCounts = {};
for (i = 0; i < NX; i++) {
  var rn = S[D.x.r[i]];
  if (!ruleCounts[rn]) { ruleCounts[rn] = [0, 0, 0]; ruleNames.push(rn); }
  ruleCounts[rn][D.x.sv[i]]++;
}
ruleNames.sort();
var sevCounts = [0, 0, 0];
for (i = 0; i < NX; i++) sevCounts[D.x.sv[i]]++;
function renderSummary(panel) {
  var m = D.summary, c = m.cache;
  var seconds = m.durationMs >= 1000 ? (m.durationMs / 1000).toFixed(2) + ' s' : Math.round(m.durationMs) + ' ms';
  panel.appendChild(h('div', { class: 'cards' }, [
    card('Files', fmt(m.files), fmt(m.errors) + ' not analyzed, ' + fmt(m.skipped) + ' skipped'),
    card('Lines', fmt(m.lines), fmt(m.code) + ' of code'),
    card('Functions', fmt(m.functions)),
    card('Findings', fmt(m.findings), plural(sevCounts[2], 'error') + ', ' + plural(sevCounts[1], 'warning') + ', ' + fmt(sevCounts[0]) + ' info' + (m.suppressed ? ', ' + fmt(m.suppressed) + ' suppressed' : '')),
    card('Cache', !c.enabled ? 'off' : c.hitRate == null ? 'no lookups' : (c.hitRate * 100).toFixed(1) + '%', c.enabled ? fmt(c.hits) + ' hits, ' + fmt(c.misses) + ' misses' : 'run with --cache to reuse results'),
    card('Duration', seconds, m.strategy === 'parallel' ? 'parallel, ' + plural(m.workers, 'worker') : 'sequential')
  ]));
  panel.appendChild(h('h2', { text: 'Findings by rule' }));
  if (!ruleNames.length) panel.appendChild(h('p', { text: 'No findings.' }));
  else panel.appendChild(sortableTable([
    { key: 'rule', label: 'Rule', value: function (r) { return r; }, cell: function (r) { return h('a', { href: '#findings', text: r, onclick: function () { findingsState.rule = r; findingsState.sev = ''; } }); } },
    { key: 'e', label: 'Errors', num: true, value: function (r) { return ruleCounts[r][2]; }, cell: function (r) { return fmt(ruleCounts[r][2]); } },
    { key: 'w', label: 'Warnings', num: true, value: function (r) { return ruleCounts[r][1]; }, cell: function (r) { return fmt(ruleCounts[r][1]); } },
    { key: 'i', label: 'Info', num: true, value: function (r) { return ruleCounts[r][0]; }, cell: function (r) { return fmt(ruleCounts[r][0]); } },
    { key: 't', label: 'Total', num: true, value: function (r) { var k = ruleCounts[r]; return k[0] + k[1] + k[2]; }, cell: function (r) { var k = ruleCounts[r]; return fmt(k[0] + k[1] + k[2]); } }
  ], ruleNames, 't', true, 'Findings by rule'));
  var errs = [];
  for (var k = 0; k < NF; k++) if (D.f.e[k] >= 0) errs.push(k);
  if (errs.length) {
    panel.appendChild(h('h2', { text: 'Files that could not be analyzed (' + fmt(errs.length) + ')' }));
    panel.appendChild(h('ul', { class: 'plain' }, errs.slice(0, 100).map(function (k) { return h('li', null, [fileLink(k), ': ' + S[D.f.e[k]]]); })));
    if (errs.length > 100) panel.appendChild(h('p', { class: 'muted', text: '\u2026and ' + fmt(errs.length - 100) + ' more.' }));
  }
  if (D.sk.length) {
    panel.appendChild(h('h2', { text: 'Skipped files (' + fmt(D.sk.length) + ')' }));
    panel.appendChild(h('ul', { class: 'plain' }, D.sk.slice(0, 100).map(function (e) { return h('li', null, [h('code', { text: S[e[0]] }), ': ' + S[e[1]]]); })));
    if (D.sk.length > 100) panel.appendChild(h('p', { class: 'muted', text: '\u2026and ' + fmt(D.sk.length - 100) + ' more.' }));
  }
  if (D.w.length) {
    panel.appendChild(h('h2', { text: 'Warnings' }));
    panel.appendChild(h('ul', { class: 'plain' }, D.w.map(function (w) { return h('li', { text: w }); })));
  }
}
var FN_COLUMNS = [
  { key: 'cy', label: 'Cyclomatic', num: true, value: function (j) { return D.fn.cy[j]; }, cell: function (j) { return fmt(D.fn.cy[j]); } },
  { key: 'cg', label: 'Cognitive', num: true, value: function (j) { return D.fn.cg[j]; }, cell: function (j) { return fmt(D.fn.cg[j]); } },
  { key: 'dp', label: 'Depth', num: true, value: function (j) { return D.fn.dp[j]; }, cell: function (j) { return fmt(D.fn.dp[j]); } },
  { key: 'p', label: 'Params', num: true, value: function (j) { return D.fn.p[j]; }, cell: function (j) { return fmt(D.fn.p[j]); } },
  { key: 'ln', label: 'Lines', num: true, value: function (j) { return D.fn.ln[j]; }, cell: function (j) { return fmt(D.fn.ln[j]); } }
];
function renderHotspots(panel) {
  var seen = {}, rows = [];
  D.hot.cy.concat(D.hot.cg).forEach(function (j) { if (j >= 0 && !seen[j]) { seen[j] = 1; rows.push(j); } });
  panel.appendChild(h('p', { class: 'muted', text: 'The ' + D.hot.cy.length + ' functions with the highest cyclomatic and the ' + D.hot.cg.length +
    ' with the highest cognitive complexity (' + rows.length + ' functions). Sort by any column; a file name opens the file.' }));
  if (!rows.length) { panel.appendChild(h('p', { text: 'No functions.' })); return; }
  panel.appendChild(sortableTable([
    { key: 'name', label: 'Function', value: function (j) { return S[D.fn.n[j]]; }, cell: function (j) { return h('code', { text: S[D.fn.n[j]] }); } },
    { key: 'file', label: 'File', value: function (j) { return filePath(fnFile[j]) + ':' + (1e9 + D.fn.l[j]); }, cell: function (j) { return fileLink(fnFile[j], filePath(fnFile[j]) + ':' + D.fn.l[j]); } }
  ].concat(FN_COLUMNS), rows, 'cy', true, 'Hotspots'));
  var table = panel.querySelector('table');
  table.id = 'hotspots-table';
}
var findingsState = { rule: '', sev: '', path: '' };
function renderFindings(panel) {
  var rule = h('select', { id: 'f-rule' }, [h('option', { value: '', text: 'all rules' })].concat(ruleNames.map(function (r) {
    var k = ruleCounts[r]; return h('option', { value: r, text: r + ' (' + fmt(k[0] + k[1] + k[2]) + ')' }); })));
  var sev = h('select', { id: 'f-sev' }, [h('option', { value: '', text: 'all' }), h('option', { value: '2', text: 'error' }), h('option', { value: '1', text: 'warning' }), h('option', { value: '0', text: 'info' })]);
  var path = h('input', { id: 'f-path', type: 'search', placeholder: 'part of a path', 'aria-label': 'Path contains' });
  var count = h('p', { class: 'status', 'aria-live': 'polite' });
  var box = h('div', { class: 'vlist', id: 'findings-list', tabindex: 0, 'aria-label': 'Findings' });
  panel.appendChild(h('div', { class: 'toolbar' }, [h('label', null, ['Rule', rule]), h('label', null, ['Severity', sev]), h('label', null, ['Path', path])]));
  panel.appendChild(count);
  panel.appendChild(box);
  var ruleIds = {};
  S.forEach(function (text, k) { if (ruleCounts[text]) ruleIds[text] = k; });
  var timer;
  function apply() {
    findingsState.rule = rule.value; findingsState.sev = sev.value; findingsState.path = path.value;
    var wantRule = rule.value ? ruleIds[rule.value] : -1, wantSev = sev.value === '' ? -1 : Number(sev.value), text = path.value.toLowerCase();
    var match = [], pathMatch = {};
    for (var k = 0; k < NX; k++) {
      if (wantRule >= 0 && D.x.r[k] !== wantRule) continue;
      if (wantSev >= 0 && D.x.sv[k] !== wantSev) continue;
      var fi = D.x.f[k];
      if (text) {
        if (pathMatch[fi] === undefined) pathMatch[fi] = fi >= 0 && filePath(fi).toLowerCase().indexOf(text) >= 0;
        if (!pathMatch[fi]) continue;
      }
      match.push(k);
    }
    count.textContent = 'Showing ' + fmt(match.length) + ' of ' + plural(NX, 'finding') + '.';
    box.setAttribute('data-rows', String(match.length));
    virtualList(box, 46, match.length, function (n) {
      var k = match[n], fi = D.x.f[k];
      return h('div', { 'data-finding': k }, [
        h('span', { class: 'sev sev-' + D.x.sv[k], text: SEV[D.x.sv[k]] }), ' ',
        fi >= 0 ? fileLink(fi, filePath(fi) + ':' + D.x.l[k] + ':' + D.x.c[k]) : h('span', { text: '(no file)' }), ' ', h('code', { text: S[D.x.r[k]] }),
        D.x.sp[k] ? h('span', { class: 'muted', text: ' (suppressed)' }) : null,
        h('span', { class: 'msg', title: S[D.x.m[k]], text: S[D.x.m[k]] })
      ]);
    });
  }
  rule.value = findingsState.rule; sev.value = findingsState.sev; path.value = findingsState.path;
  rule.addEventListener('change', apply); sev.addEventListener('change', apply);
  path.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
  panel.sondeRefresh = function () { rule.value = findingsState.rule; sev.value = findingsState.sev; apply(); };
  apply();
}
function renderAbout(panel) {
  var m = D.meta;
  var rows = [['Scanned folder', m.rootName], ['Command', m.command || '(not recorded)'], ['sonde version', m.version], ['Date', m.date || '(not recorded)'],
    ['Machine', m.machine || '(not recorded)'], ['Source text', m.source ? 'included (--html-include-source)' : 'not included; rerun with --html-include-source to embed it']];
  var dl = h('dl', { class: 'prov' });
  rows.forEach(function (r) { dl.appendChild(h('dt', { text: r[0] })); dl.appendChild(h('dd', null, [r[0] === 'Command' ? h('code', { text: r[1] }) : r[1]])); });
  panel.appendChild(h('h2', { text: 'Where this report came from' }));
  panel.appendChild(dl);
  panel.appendChild(h('p', { class: 'muted', text: 'This page is self-contained: it loads nothing from the network, and its data is the scan\u2019s, embedded at the end of the file.' }));
}
`;
