/**
 * The parts of a cache key besides the content hash. Anything that can change
 * the facts computed for identical bytes belongs here; see INVALIDATION.md.
 */
import { createHash } from 'node:crypto';
import type { AnalysisOptions } from '../config/options.js';
import { compareCodeUnits } from '../util/compare.js';

/** Bump when the stored value's shape or the meaning of a fact changes. */
const CACHE_FORMAT_VERSION = 3;

/** Prefix of every key any sonde version writes: in a shared Redis, what is ours to count and delete. */
export const KEY_ROOT = 'sonde/';

/** Key prefix shared by every entry this tool version writes, whatever its options. */
export function toolPrefix(toolVersion: string): string {
  return `${KEY_ROOT}f${CACHE_FORMAT_VERSION}/${toolVersion}/`;
}

/** The Keyv namespace for one (format, tool version, analysis options) combination. */
export function cacheNamespace(toolVersion: string, analysisOptions: AnalysisOptions): string {
  return `${toolPrefix(toolVersion)}${hashOptions(analysisOptions)}`;
}

/** A short, order-insensitive hash of the analysis options. */
function hashOptions(options: AnalysisOptions): string {
  return createHash('sha256').update(stableJson(options)).digest('hex').slice(0, 16);
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` hash alike. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareCodeUnits(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
