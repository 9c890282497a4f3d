/**
 * Numbers for humans, locale-free (`en-US` grouping everywhere), so reports,
 * the UI and benchmark output read the same on every machine.
 */

/** 1234567 → `1,234,567`; `–` for a number that is not finite. By hand: the first toLocaleString call loads ICU's number data (~10 ms). */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const digits = String(Math.abs(Math.round(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return Math.round(value) < 0 ? `-${grouped}` : grouped;
}

/** Bytes in decimal units, as `ps` and activity monitors show them: `12.3 MB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value >= 100 || unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

/** Bytes in binary units for messages about sizes the user set in binary units: `512 B`, `3.4 KiB`, `2.0 MiB`. */
export function formatBinaryBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Bytes in MiB (GiB above 10 GiB), as benchmark tables compare memory: `118.4 MiB`. */
export function formatMebibytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '–';
  const mib = bytes / 1024 / 1024;
  return mib >= 10_240 ? `${(mib / 1024).toFixed(1)} GiB` : `${mib.toFixed(1)} MiB`;
}

/** An elapsed time: `5.0 ms`, `850 ms`, `1.25 s`, `12.5 s`, `2m 05s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

/** A measured time with 3–4 significant digits, for comparing runs: `812.3 ms`, `12.41 s`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms === 0) return '0';
  if (Math.abs(ms) >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (Math.abs(ms) >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (Math.abs(ms) >= 100) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** A rate per second with its unit: `1,234 files/s`, `12.5k lines/s`. */
export function formatRate(perSecond: number, unit: string): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return `0 ${unit}/s`;
  if (perSecond >= 100_000) return `${(perSecond / 1000).toFixed(0)}k ${unit}/s`;
  if (perSecond >= 10_000) return `${(perSecond / 1000).toFixed(1)}k ${unit}/s`;
  return `${formatCount(perSecond)} ${unit}/s`;
}

/** A fraction 0..1 as a percentage: `42%` (or `42.0%` with one digit). */
export function formatPercent(fraction: number, digits = 0): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(digits)}%` : '–';
}

/** A speedup ratio: `1.31`, `12.4`, `120`. */
export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return '–';
  return r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2);
}

/** A p-value as papers print it: `0.042`, `< 0.001`. */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return 'n/a';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

