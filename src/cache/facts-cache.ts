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
   * Scan memo entries stored under these slots (engine/scan-memo.ts): signed
   * texts, read in one round trip; each undefined when absent, unauthentic or
   * unreadable. Optional: a cache without them just never memoizes.
   */
  getMemos?(slots: readonly string[]): Promise<(string | undefined)[]>;
  /** Replaces memo entries, in one round trip (one transaction where the store has them); a failing store warns and resolves. */
  setMemos?(entries: readonly (readonly [slot: string, memo: string])[]): Promise<void>;
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
