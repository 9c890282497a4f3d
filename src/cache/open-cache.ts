/**
 * The persistent facts cache: Keyv over SQLite, namespaced by format, tool
 * version and analysis options (see INVALIDATION.md). It never fails a scan:
 * a corrupt file is moved aside and rebuilt, a locked or read-only one is
 * skipped with a warning, a damaged entry is a miss.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Keyv from 'keyv';
import type { AnalysisOptions } from '../config/options.js';
import type { FileFacts } from '../types.js';
import { NULL_CACHE, type FactsCache } from './facts-cache.js';
import { cacheNamespace } from './namespace.js';
import { isCorruptionError, openSqliteStore, type CacheStore } from './sqlite-store.js';
import { isFileFacts } from './validate-facts.js';

/** Keys per SQL statement: @keyv/sqlite's own getMany is quadratic, and json_each arrays stay small. */
export const CACHE_BATCH_SIZE = 500;
/** How long a statement waits for another scan's write lock before the cache gives up on it. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** One stored value: facts plus when they were written (for `cache prune --max-age`). */
export interface CacheEntry {
  /** Epoch ms of the write. */
  readonly t: number;
  readonly facts: FileFacts;
}

export interface OpenCacheOptions {
  /** Path of the SQLite file; its directory is created if missing. */
  readonly location: string;
  readonly analysisOptions: AnalysisOptions;
  readonly toolVersion: string;
  readonly onWarning: (code: string, message: string) => void;
  /** Lock wait per statement; tests shorten it. */
  readonly busyTimeoutMs?: number;
  /** Clock for entry timestamps; tests inject one. */
  readonly now?: () => number;
}

/** Opens the cache, or returns NULL_CACHE (after a warning) when it cannot be used. Never rejects. */
export async function openFactsCache(options: OpenCacheOptions): Promise<FactsCache> {
  const { location, onWarning } = options;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  try {
    mkdirSync(path.dirname(location), { recursive: true });
  } catch (error) {
    onWarning('cache-unavailable', `Cache disabled: cannot create ${path.dirname(location)} (${describe(error)}).`);
    return NULL_CACHE;
  }
  let store: CacheStore;
  try {
    store = await openSqliteStore(location, busyTimeoutMs);
  } catch (error) {
    if (!isCorruptionError(error)) {
      onWarning('cache-unavailable', `Cache disabled for this scan: ${location} is not usable (${describe(error)}).`);
      return NULL_CACHE;
    }
    const aside = moveAside(location);
    onWarning('cache-corrupt', `The cache file ${location} was damaged (${describe(error)}); moved to ${aside} and rebuilt.`);
    try {
      store = await openSqliteStore(location, busyTimeoutMs);
    } catch (retryError) {
      onWarning('cache-unavailable', `Cache disabled for this scan: ${describe(retryError)}.`);
      return NULL_CACHE;
    }
  }
  return new KeyvFactsCache(store, options);
}

/** Renames the database (and its WAL files) to `<file>.corrupt-<ts>`; returns the new name. */
function moveAside(file: string): string {
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class KeyvFactsCache implements FactsCache {
  readonly enabled = true;
  readonly #keyv: Keyv<CacheEntry>;
  readonly #store: CacheStore;
  readonly #options: OpenCacheOptions;
  /** Set after a store failure: the rest of the scan runs without the cache. */
  #broken = false;
  #corrupt = false;
  #closed: Promise<void> | undefined;

  constructor(store: CacheStore, options: OpenCacheOptions) {
    this.#store = store;
    this.#options = options;
    this.#keyv = new Keyv<CacheEntry>({
      store,
      namespace: cacheNamespace(options.toolVersion, options.analysisOptions),
      // Plain JSON: faster than Keyv's default serializer, and a value that
      // does not parse reads as a miss instead of failing the whole batch.
      serialize: JSON.stringify,
      deserialize: safeParse as Keyv['deserialize'],
      throwOnErrors: true,
    });
    this.#keyv.on('error', () => {});
  }

  async getMany(contentHashes: readonly string[]): Promise<Map<string, FileFacts>> {
    const found = new Map<string, FileFacts>();
    for (let start = 0; start < contentHashes.length && !this.#broken; start += CACHE_BATCH_SIZE) {
      const keys = contentHashes.slice(start, start + CACHE_BATCH_SIZE);
      try {
        const values = await this.#keyv.getMany(keys);
        values.forEach((value, index) => {
          if (isEntry(value)) found.set(keys[index], value.facts);
        });
      } catch (error) {
        this.#fail('read', error);
      }
    }
    return found;
  }

  async setMany(entries: readonly (readonly [contentHash: string, facts: FileFacts])[]): Promise<void> {
    const t = (this.#options.now ?? Date.now)();
    for (let start = 0; start < entries.length && !this.#broken; start += CACHE_BATCH_SIZE) {
      const batch = entries.slice(start, start + CACHE_BATCH_SIZE).map(([key, facts]) => ({ key, value: { t, facts } }));
      try {
        await this.#keyv.setMany(batch);
      } catch (error) {
        this.#fail('write', error);
      }
    }
  }

  close(): Promise<void> {
    this.#closed ??= this.#store.close().then(
      () => {
        // Damage found mid-scan: quarantine the file now so the next scan rebuilds it.
        if (this.#corrupt) moveAside(this.#options.location);
      },
      () => {},
    );
    return this.#closed;
  }

  #fail(operation: 'read' | 'write', error: unknown): void {
    this.#broken = true;
    this.#corrupt = isCorruptionError(error);
    this.#options.onWarning(
      this.#corrupt ? 'cache-corrupt' : 'cache-unavailable',
      `Cache ${operation} failed (${describe(error)}); continuing without the cache.`,
    );
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isEntry(value: unknown): value is CacheEntry {
  const entry = value as CacheEntry | null | undefined;
  return typeof entry === 'object' && entry !== null && Number.isFinite(entry.t) && isFileFacts(entry.facts);
}
