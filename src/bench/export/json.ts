/** `--export-json`: the BenchReport itself, raw samples included. */
import type { BenchReport } from '../types.js';

/** NaN and ±Infinity have no JSON form; they become null rather than silently 0. */
function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

export function exportJson(report: BenchReport): string {
  return `${JSON.stringify(report, replacer, 2)}\n`;
}
