/** The text module: terminal width, layout, number units, styling and escaping, shared by reporters, UI and bench. */
export { escapeTerminal, hasUnsafeCharacters } from './escape.js';
export { type Styles, stripAnsi, styles } from './style.js';
export {
  formatBytes,
  formatCount,
  formatDuration,
  formatMebibytes,
  formatMs,
  formatP,
  formatPercent,
  formatRate,
  formatRatio,
} from './units.js';
export { padEnd, padStart, textWidth, truncate, truncateStart, wrap } from './width.js';
