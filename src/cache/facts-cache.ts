import type { FileFacts } from '../types.js';

/**
 * Where per-file facts persist between scans, keyed by content hash. The
 * namespace (format version, tool version, analysis-options hash) is the
 * implementation's business; callers only pass content hashes.
 * See ./INVALIDATION.md for when an entry is reused.
 */
export interface FactsCache {
  readonly enabled: boolean;
  /** Facts for those hashes that are present; a failing store yields an empty map, never an error. */
  getMany(contentHashes: readonly string[]): Promise<Map<string, FileFacts>>;
  /** Stores facts; a failing store warns through `onWarning` and resolves. */
  setMany(entries: readonly (readonly [contentHash: string, facts: FileFacts])[]): Promise<void>;
  /**
   * The scan memo stored under `slot` (engine/scan-memo.ts): one signed text,
   * read in one round trip; undefined when absent, unauthentic or unreadable.
   * Optional: a cache without it just never memoizes.
   */
  getMemo?(slot: string): Promise<string | undefined>;
  /** Replaces the memo under `slot`; a failing store warns and resolves. */
  setMemo?(slot: string, memo: string): Promise<void>;
  close(): Promise<void>;
}

/** The cache when `--cache` is off: remembers nothing. */
export const NULL_CACHE: FactsCache = Object.freeze({
  enabled: false,
  async getMany() {
    return new Map<string, FileFacts>();
  },
  async setMany() {},
  async close() {},
});
