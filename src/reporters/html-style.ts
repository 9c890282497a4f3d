/**
 * The HTML report's stylesheet. Colours are CSS variables with a light and a
 * dark set (`prefers-color-scheme`); every text/background pair meets WCAG AA
 * (4.5:1 for text, 3:1 for focus rings and borders that carry meaning).
 */
export const HTML_STYLE = `
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1b1b1f;--muted:#51525c;--line:#d4d4da;--panel:#f4f4f7;--accent:#1f5fbf;--focus:#1f5fbf;
--err:#b3261e;--warn:#8a5300;--info:#36598f;--row:#eef2fa}
@media (prefers-color-scheme:dark){:root{--bg:#16171b;--fg:#ececf1;--muted:#b4b6c2;--line:#3b3d46;--panel:#202127;--accent:#8ab4ff;--focus:#8ab4ff;
--err:#ff8a80;--warn:#ffc266;--info:#9fc1ff;--row:#262a36}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header{padding:.8rem 1rem .4rem;border-bottom:1px solid var(--line)}
h1{font-size:1.25rem;margin:0}h2{font-size:1.1rem;margin:1.2rem 0 .5rem}h3{font-size:1rem;margin:1rem 0 .4rem}
.sub{color:var(--muted);margin:.1rem 0 0}
h2 code{font-size:inherit}
code,.mono,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
a{color:var(--accent)}
button,select,input{font:inherit;color:inherit}
:focus-visible{outline:3px solid var(--focus);outline-offset:1px}
[role=tablist]{display:flex;gap:.15rem;overflow-x:auto;padding:0 1rem;border-bottom:1px solid var(--line);scrollbar-width:thin}
[role=tab]{border:0;background:none;padding:.55rem .8rem;border-bottom:3px solid transparent;cursor:pointer;white-space:nowrap;color:var(--muted)}
[role=tab][aria-selected=true]{color:var(--fg);border-bottom-color:var(--accent);font-weight:600}
main{padding:0 1rem 2rem;max-width:1400px}
[role=tabpanel][hidden]{display:none}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:.6rem;margin:1rem 0}
.card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.55rem .75rem}
.card .k{color:var(--muted);font-size:12px}.card .v{font-size:1.3rem;font-weight:600;font-variant-numeric:tabular-nums}
.card .n{color:var(--muted);font-size:12px}
table{border-collapse:collapse;font-variant-numeric:tabular-nums;margin:.3rem 0}
th,td{padding:.25rem .55rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.num,th.num{text-align:right}
th{background:var(--panel);font-weight:600;white-space:nowrap}
th button{all:unset;cursor:pointer;display:inline-flex;gap:.25rem;align-items:center}
th button:focus-visible{outline:3px solid var(--focus)}
th[aria-sort=ascending] button::after{content:"\\2191"}th[aria-sort=descending] button::after{content:"\\2193"}
.scroll{overflow-x:auto;max-width:100%}
.sev{display:inline-block;min-width:4.3em;font-size:12px;font-weight:600}
.sev-2{color:var(--err)}.sev-1{color:var(--warn)}.sev-0{color:var(--info)}
.toolbar{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.8rem 0}
.toolbar label{display:inline-flex;gap:.35rem;align-items:center}
select,input[type=search]{background:var(--bg);border:1px solid var(--muted);border-radius:4px;padding:.2rem .4rem;max-width:100%}
.muted{color:var(--muted)}
nav.crumbs{display:flex;flex-wrap:wrap;gap:.2rem;align-items:center;margin:.2rem 0 .5rem}
nav.crumbs button{background:none;border:0;color:var(--accent);text-decoration:underline;cursor:pointer;padding:.1rem .2rem}
nav.crumbs [aria-current]{font-weight:600;padding:.1rem .2rem}
.tm-wrap{position:relative;width:100%}
svg.treemap{display:block;width:100%;user-select:none}
.tm-node{cursor:pointer}.tm-node:focus{outline:none}
.tm-node:focus-visible>rect.tm-box,.tm-node:hover>rect.tm-box{stroke:var(--fg);stroke-width:3}
rect.tm-box{stroke:var(--bg);stroke-width:1}rect.tm-sub{stroke:var(--bg);stroke-width:.5}rect.tm-dir{fill:var(--line)}.tm-dirlabel{fill:var(--fg)}
.tm-label{font-size:12px;pointer-events:none}
.legend{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
.legend svg{display:block}
.legend text{fill:var(--fg);font-size:11px}
.status{min-height:1.5em;color:var(--muted);margin:.3rem 0}
.vlist{position:relative;overflow-y:auto;height:min(65vh,640px);border:1px solid var(--line);border-radius:4px}
.vrow{position:absolute;left:0;right:0;padding:.2rem .5rem;border-bottom:1px solid var(--line);overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.vrow .msg{display:block;overflow:hidden;text-overflow:ellipsis}
pre.src{background:var(--panel);border:1px solid var(--line);padding:.4rem 0;overflow:auto;max-height:75vh;counter-reset:ln}
pre.src span.ln{display:block;padding:0 .6rem 0 0}
pre.src span.ln::before{counter-increment:ln;content:counter(ln);display:inline-block;width:4.5em;padding-right:.8em;text-align:right;color:var(--muted)}
pre.src span.hit{background:var(--row);box-shadow:inset 3px 0 var(--warn)}
.cycle{border:1px solid var(--line);border-radius:6px;padding:.4rem .7rem;margin:.7rem 0}
.cycle svg{display:block;max-width:100%;height:auto}
.cycle .node rect{fill:var(--panel);stroke:var(--accent);stroke-width:1.5}
.cycle .node text{fill:var(--fg);font-size:12px}
.cycle .edge{stroke:var(--muted);stroke-width:1.4;fill:none}
.cycle marker path{fill:var(--muted)}
ul.plain{padding-left:1.2rem;margin:.3rem 0}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dl.prov dt{color:var(--muted)}dl.prov dd{margin:0;overflow-wrap:anywhere}
.more{margin:.5rem 0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:600px){main{padding:0 .6rem 2rem}header{padding:.6rem .6rem .3rem}[role=tablist]{padding:0 .3rem;flex-wrap:wrap}[role=tab]{padding:.5rem .55rem}
.cards{grid-template-columns:repeat(2,1fr)}th,td{padding:.2rem .35rem}}
`;
