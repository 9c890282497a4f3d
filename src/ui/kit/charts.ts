/**
 * Text charts: sparklines and horizontal bars drawn with block characters.
 * Pure functions of numbers, so the UI's charts are testable as strings.
 */

const SPARK = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/**
 * A sparkline of at most `width` cells. Longer series are bucketed (each cell
 * shows its bucket's maximum, so a short spike stays visible); the scale runs
 * from `min` (default: the series' minimum) to the series' maximum.
 */
export function sparkline(values: readonly number[], width: number, min?: number): string {
  if (values.length === 0 || width <= 0) return '';
  const cells = bucketMax(values, width);
  const low = min ?? Math.min(...cells);
  const high = Math.max(...cells);
  const span = high - low;
  return cells
    .map((value) => {
      if (span <= 0) return high > 0 ? SPARK[3] : SPARK[0];
      const level = Math.round(((value - low) / span) * (SPARK.length - 1));
      return SPARK[Math.max(0, Math.min(SPARK.length - 1, level))];
    })
    .join('');
}

/** Reduces a series to at most `width` points, each the max of its bucket. */
export function bucketMax(values: readonly number[], width: number): number[] {
  if (values.length <= width) return [...values];
  const cells: number[] = [];
  for (let cell = 0; cell < width; cell++) {
    const from = Math.floor((cell * values.length) / width);
    const to = Math.max(from + 1, Math.floor(((cell + 1) * values.length) / width));
    let max = -Infinity;
    for (let i = from; i < to; i++) max = Math.max(max, values[i]);
    cells.push(max);
  }
  return cells;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `fraction` × `width` cells with eighth-block precision, padded with spaces. */
export function bar(fraction: number, width: number): string {
  if (width <= 0) return '';
  const clamped = Number.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
  const eighths = Math.round(clamped * width * 8);
  const full = Math.floor(eighths / 8);
  const rest = full < width ? EIGHTHS[eighths % 8] : '';
  return ('█'.repeat(full) + rest).padEnd(width);
}

/** A progress bar: filled cells then a light track, exactly `width` cells. */
export function progressBar(fraction: number, width: number): string {
  if (width <= 0) return '';
  const clamped = Number.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
  const filled = Math.round(clamped * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
