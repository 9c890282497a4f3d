/**
 * Opens the persistent facts cache: Keyv over a SQLite file or a Redis
 * server, namespaced by format, tool version and analysis options (see
 * INVALIDATION.md). It never fails a scan: a corrupt SQLite file is moved
 * aside and rebuilt; a locked or read-only file, or a Redis server that is
 * down, refuses the password or does not answer, is skipped with a warning;
 * a damaged entry is a miss.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { hidePassword, redactUrl } from '../config/cache-location.js';
import type { AnalysisOptions, CacheStoreLocation } from '../config/options.js';
import { NULL_CACHE, type FactsCache } from './facts-cache.js';
import { describeError, KeyvFactsCache, type FactsStore } from './keyv-facts-cache.js';
import { cacheNamespace } from './namespace.js';
import { isCorruptionError, openSqliteStore, type CacheStore } from './sqlite-store.js';

export { CACHE_BATCH_SIZE, type CacheEntry } from './keyv-facts-cache.js';

/** How long a statement waits for another scan's write lock before the cache gives up on it. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface OpenCacheOptions {
  /** The store; a string is a SQLite file path, whose directory is created if missing. */
  readonly location: CacheStoreLocation | string;
  readonly analysisOptions: AnalysisOptions;
  readonly toolVersion: string;
  readonly onWarning: (code: string, message: string) => void;
  /** SQLite: lock wait per statement; tests shorten it. */
  readonly busyTimeoutMs?: number;
  /** Redis: connect and per-batch deadlines; tests shorten them. */
  readonly redisTimeouts?: { readonly connectMs?: number; readonly commandMs?: number };
  /** Clock for entry timestamps; tests inject one. */
  readonly now?: () => number;
}

/** Opens the cache, or returns NULL_CACHE (after a warning) when it cannot be used. Never rejects. */
export async function openFactsCache(options: OpenCacheOptions): Promise<FactsCache> {
  const location: CacheStoreLocation =
    typeof options.location === 'string' ? { kind: 'sqlite', path: options.location } : options.location;
  const store = location.kind === 'sqlite' ? await openSqlite(location.path, options) : await openRedis(location.url, options);
  if (!store) return NULL_CACHE;
  return new KeyvFactsCache(store, {
    namespace: cacheNamespace(options.toolVersion, options.analysisOptions),
    onWarning: options.onWarning,
    ...(options.now ? { now: options.now } : {}),
  });
}

async function openRedis(url: string, options: OpenCacheOptions): Promise<FactsStore | undefined> {
  // Loaded only for a Redis location: a SQLite scan never pays for the client.
  const { openRedisStore } = await import('./redis-store.js');
  try {
    return await openRedisStore(url, cacheNamespace(options.toolVersion, options.analysisOptions), options.redisTimeouts);
  } catch (error) {
    options.onWarning(
      'cache-unavailable',
      `Cache disabled for this scan: the Redis server at ${redactUrl(url)} is not usable (${hidePassword(url, describeError(error))}).`,
    );
    return undefined;
  }
}

async function openSqlite(location: string, options: OpenCacheOptions): Promise<FactsStore | undefined> {
  const { onWarning } = options;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  try {
    mkdirSync(path.dirname(location), { recursive: true });
  } catch (error) {
    onWarning('cache-unavailable', `Cache disabled: cannot create ${path.dirname(location)} (${describeError(error)}).`);
    return undefined;
  }
  let store: CacheStore;
  try {
    store = await openSqliteStore(location, busyTimeoutMs);
  } catch (error) {
    if (!isCorruptionError(error)) {
      onWarning('cache-unavailable', `Cache disabled for this scan: ${location} is not usable (${describeError(error)}).`);
      return undefined;
    }
    const aside = moveAside(location);
    onWarning('cache-corrupt', `The cache file ${location} was damaged (${describeError(error)}); moved to ${aside} and rebuilt.`);
    try {
      store = await openSqliteStore(location, busyTimeoutMs);
    } catch (retryError) {
      onWarning('cache-unavailable', `Cache disabled for this scan: ${describeError(retryError)}.`);
      return undefined;
    }
  }
  const opened = store;
  return {
    adapter: opened,
    prefixesKeys: false,
    label: location,
    close: () => opened.close(),
    quarantine: () => moveAside(location),
  };
}

/** Renames the database (and its WAL files) to `<file>.corrupt-<ts>`; returns the new name. */
function moveAside(file: string): string {
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}
