/** What `sonde cache stats | prune` report, for either store (SQLite: maintenance.ts, Redis: redis-maintenance.ts). */
import type { CacheStoreLocation } from '../config/options.js';

/** In every key of a scan memo's entries (`<namespace>:memo:<slot>…`), never in a facts key (`<namespace>:<ext>:<hash>`). */
export const MEMO_KEY_MARK = ':memo:';

/** What `sonde cache stats` prints. */
export interface CacheStats {
  readonly kind: CacheStoreLocation['kind'];
  /** Printable: a path, or a Redis URL without its password. */
  readonly location: string;
  /** False for a SQLite file that does not exist; a reachable Redis always exists. */
  readonly exists: boolean;
  readonly entries: number;
  /** Entries this sonde version (and cache format) can read. */
  readonly current: number;
  /** Entries of other versions: never read again, removed by prune. */
  readonly stale: number;
  /** Entries of scan memos (their heads, buckets, cross-file results and stat manifests), any version; the rest are per-file facts. */
  readonly memo: number;
  /** SQLite: database plus WAL files on disk. Redis: keys plus values. */
  readonly bytes: number;
  readonly oldest?: number;
  readonly newest?: number;
}

export interface PruneOptions {
  /** Remove entries written longer ago than this. */
  readonly maxAgeMs?: number;
  /** Then remove the oldest entries until stored keys + values fit in this many bytes. */
  readonly maxBytes?: number;
  readonly now?: number;
}

export interface PruneResult {
  readonly removed: number;
  readonly before: CacheStats;
  readonly after: CacheStats;
}
