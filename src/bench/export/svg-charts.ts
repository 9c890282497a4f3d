/**
 * Inline SVG charts for the HTML report, drawn as strings on the server side:
 * no script, font or network needed to see them. Pure functions.
 */

const PALETTE = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#eeca3b', '#9d755d'];

/** Escapes text for HTML/SVG content and attributes. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const f = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '0');

/** "Nice" tick values covering [0, max]. */
function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(v);
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

/** One bar: a value with an optional interval (drawn as a whisker). */
interface Bar {
  readonly label: string;
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
  /** Text right of the bar. */
  readonly note?: string;
}

/** Horizontal bars with CI whiskers; `format` writes axis and value labels. */
export function barChart(bars: readonly Bar[], options: { title: string; format: (v: number) => string; width?: number }): string {
  const width = options.width ?? 720;
  const rowH = 30;
  const left = 150;
  const right = 150;
  const top = 34;
  const plotW = width - left - right;
  const height = top + bars.length * rowH + 30;
  const max = Math.max(...bars.map((b) => Math.max(b.value, b.high ?? 0)), 0);
  const ticks = niceTicks(max);
  const scale = (v: number): number => left + (v / ticks[ticks.length - 1]) * plotW;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${esc(options.title)}</title>`,
    `<text x="${left}" y="18" class="chart-title">${esc(options.title)}</text>`,
  ];
  for (const t of ticks) {
    const x = f(scale(t));
    parts.push(`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${height - 26}" class="grid"/>`);
    parts.push(`<text x="${x}" y="${height - 10}" text-anchor="middle" class="tick">${esc(options.format(t))}</text>`);
  }
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    const w = Math.max(1, scale(b.value) - left);
    parts.push(`<text x="${left - 8}" y="${f(y + rowH / 2 + 4)}" text-anchor="end" class="label">${esc(b.label)}</text>`);
    parts.push(
      `<rect class="bar" x="${left}" y="${f(y + 5)}" width="${f(w)}" height="${rowH - 10}" fill="${PALETTE[i % PALETTE.length]}">` +
        `<title>${esc(`${b.label}: ${options.format(b.value)}`)}</title></rect>`,
    );
    if (b.low !== undefined && b.high !== undefined && Number.isFinite(b.low) && Number.isFinite(b.high)) {
      const x1 = f(scale(Math.max(0, b.low)));
      const x2 = f(scale(b.high));
      const cy = y + rowH / 2;
      parts.push(
        `<path class="whisker" d="M${x1} ${f(cy)}H${x2}M${x1} ${f(cy - 6)}V${f(cy + 6)}M${x2} ${f(cy - 6)}V${f(cy + 6)}"/>`,
      );
    }
    const noteX = f(scale(Math.max(b.value, b.high ?? 0)) + 8);
    parts.push(`<text x="${noteX}" y="${f(y + rowH / 2 + 4)}" class="value">${esc(b.note ?? options.format(b.value))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** A named series of points for a line chart. */
export interface Series {
  readonly name: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

interface Axis {
  readonly log: boolean;
  readonly label: string;
  readonly format: (v: number) => string;
}

function axisRange(values: readonly number[], log: boolean): { lo: number; hi: number; ticks: number[] } {
  if (log) {
    const pos = values.filter((v) => v > 0);
    const lo = 10 ** Math.floor(Math.log10(Math.min(...pos)));
    const hi = 10 ** Math.ceil(Math.log10(Math.max(...pos)));
    const ticks: number[] = [];
    for (let v = lo; v <= hi * 1.0001; v *= 10) ticks.push(v);
    return { lo, hi: hi > lo ? hi : lo * 10, ticks };
  }
  const ticks = niceTicks(Math.max(...values, 0));
  return { lo: 0, hi: ticks[ticks.length - 1], ticks };
}

/** Lines with point markers; log axes for scaling curves (straight line = power law). */
export function lineChart(series: readonly Series[], options: { title: string; x: Axis; y: Axis; width?: number; height?: number }): string {
  const width = options.width ?? 720;
  const height = options.height ?? 320;
  const m = { left: 80, right: 150, top: 34, bottom: 46 };
  const all = series.flatMap((s) => s.points);
  const xr = axisRange(all.map((p) => p.x), options.x.log);
  const yr = axisRange(all.map((p) => p.y), options.y.log);
  const proj = (v: number, r: { lo: number; hi: number }, log: boolean, a: number, b: number): number => {
    const t = log ? (Math.log10(v) - Math.log10(r.lo)) / (Math.log10(r.hi) - Math.log10(r.lo)) : (v - r.lo) / (r.hi - r.lo || 1);
    return a + t * (b - a);
  };
  const px = (v: number): number => proj(v, xr, options.x.log, m.left, width - m.right);
  const py = (v: number): number => proj(v, yr, options.y.log, height - m.bottom, m.top);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${esc(options.title)}</title>`,
    `<text x="${m.left}" y="18" class="chart-title">${esc(options.title)}</text>`,
  ];
  for (const t of xr.ticks) {
    const x = f(px(t));
    parts.push(`<line x1="${x}" y1="${m.top}" x2="${x}" y2="${height - m.bottom}" class="grid"/>`);
    parts.push(`<text x="${x}" y="${height - m.bottom + 16}" text-anchor="middle" class="tick">${esc(options.x.format(t))}</text>`);
  }
  for (const t of yr.ticks) {
    const y = f(py(t));
    parts.push(`<line x1="${m.left}" y1="${y}" x2="${width - m.right}" y2="${y}" class="grid"/>`);
    parts.push(`<text x="${m.left - 6}" y="${f(py(t) + 4)}" text-anchor="end" class="tick">${esc(options.y.format(t))}</text>`);
  }
  parts.push(`<text x="${f((m.left + width - m.right) / 2)}" y="${height - 8}" text-anchor="middle" class="axis-label">${esc(options.x.label)}</text>`);
  parts.push(`<text x="14" y="${f((m.top + height - m.bottom) / 2)}" text-anchor="middle" class="axis-label" transform="rotate(-90 14 ${f((m.top + height - m.bottom) / 2)})">${esc(options.y.label)}</text>`);
  series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const pts = s.points.filter((p) => (!options.x.log || p.x > 0) && (!options.y.log || p.y > 0));
    if (pts.length === 0) return;
    const d = pts.map((p, j) => `${j === 0 ? 'M' : 'L'}${f(px(p.x))} ${f(py(p.y))}`).join('');
    parts.push(`<path class="series" d="${d}" fill="none" stroke="${color}" stroke-width="2"><title>${esc(s.name)}</title></path>`);
    if (pts.length <= 12) {
      for (const p of pts) parts.push(`<circle class="point" cx="${f(px(p.x))}" cy="${f(py(p.y))}" r="3.5" fill="${color}"/>`);
    }
    const ly = m.top + 8 + i * 18;
    parts.push(`<rect class="legend" x="${width - m.right + 12}" y="${ly - 8}" width="12" height="10" fill="${color}"/>`);
    parts.push(`<text x="${width - m.right + 30}" y="${ly + 1}" class="label">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
