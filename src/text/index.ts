/** The text module: terminal width, layout, number units, styling and escaping, shared by reporters, UI and bench. */
export { escapeTerminal } from './escape.js';
export { type Styles, styles } from './style.js';
export {
  formatBinaryBytes,
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
