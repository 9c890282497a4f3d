/**
 * `sonde cache stats | clear | prune`. On the SQLite file this is SQL:
 * counting and pruning a 20,000-entry cache should not mean parsing 20,000
 * values. A Redis location goes to redis-maintenance.ts.
 */
import { existsSync, statSync } from 'node:fs';
import type { CacheStoreLocation } from '../config/options.js';
import { openSqliteStore, type CacheStore } from './sqlite-store.js';
import { MEMO_KEY_MARK, type CacheStats, type PruneOptions, type PruneResult } from './maintenance-types.js';
import { toolPrefix } from './namespace.js';

export type { CacheStats } from './maintenance-types.js';

/** Per statement in `sonde cache` commands. */
const MAINTENANCE_DEADLINE_MS = 10 * 60_000;

const WRITTEN_AT = "json_extract(value, '$.value.t')";

/** Bytes of the database and its WAL side files. */
function diskBytes(location: string): number {
  return ['', '-wal', '-shm'].reduce((sum, suffix) => sum + (existsSync(location + suffix) ? statSync(location + suffix).size : 0), 0);
}

async function withStore<T>(location: string, use: (store: CacheStore) => Promise<T>): Promise<T> {
  // VACUUM of a large cache may take minutes; a hostile schema is refused before any statement runs.
  const store = await openSqliteStore(location, 5000, MAINTENANCE_DEADLINE_MS);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

async function count(store: CacheStore, where = 'true', ...params: unknown[]): Promise<number> {
  const rows: { n: number }[] = await store.query(`SELECT count(*) AS n FROM keyv WHERE ${where}`, ...params);
  return rows[0]?.n ?? 0;
}

const isCurrent = 'substr(key, 1, length(?)) = ?';

export async function cacheStats(location: CacheStoreLocation, toolVersion: string): Promise<CacheStats> {
  if (location.kind === 'sqlite') return sqliteStats(location.path, toolVersion);
  return (await import('./redis-maintenance.js')).redisCacheStats(location.url, toolVersion);
}

/** Removes every entry (in Redis: every sonde key, nothing else) and gives the space back; returns how many were removed. */
export async function clearCache(location: CacheStoreLocation): Promise<number> {
  if (location.kind === 'sqlite') return clearSqlite(location.path);
  return (await import('./redis-maintenance.js')).clearRedisCache(location.url);
}

/** Removes stale-version entries, then by age, then oldest-first down to a size; returns the counts. */
export async function pruneCache(location: CacheStoreLocation, toolVersion: string, options: PruneOptions): Promise<PruneResult> {
  if (location.kind === 'sqlite') return pruneSqlite(location.path, toolVersion, options);
  return (await import('./redis-maintenance.js')).pruneRedisCache(location.url, toolVersion, options);
}

async function sqliteStats(location: string, toolVersion: string): Promise<CacheStats> {
  if (!existsSync(location)) return { kind: 'sqlite', location, exists: false, entries: 0, current: 0, stale: 0, memo: 0, bytes: 0 };
  return withStore(location, async (store) => {
    const prefix = toolPrefix(toolVersion);
    const entries = await count(store);
    const current = await count(store, isCurrent, prefix, prefix);
    const memo = await count(store, `instr(key, ?) > 0`, MEMO_KEY_MARK);
    const [range] = (await store.query(`SELECT min(${WRITTEN_AT}) AS oldest, max(${WRITTEN_AT}) AS newest FROM keyv`)) as {
      oldest: number | null;
      newest: number | null;
    }[];
    return {
      kind: 'sqlite',
      location,
      exists: true,
      entries,
      current,
      stale: entries - current,
      memo,
      bytes: diskBytes(location),
      ...(range?.oldest != null ? { oldest: range.oldest } : {}),
      ...(range?.newest != null ? { newest: range.newest } : {}),
    };
  });
}

async function clearSqlite(location: string): Promise<number> {
  if (!existsSync(location)) return 0;
  return withStore(location, async (store) => {
    const removed = await count(store);
    await store.query('DELETE FROM keyv');
    await compact(store);
    return removed;
  });
}

async function pruneSqlite(location: string, toolVersion: string, options: PruneOptions): Promise<PruneResult> {
  const before = await sqliteStats(location, toolVersion);
  if (!before.exists) return { removed: 0, before, after: before };
  const now = options.now ?? Date.now();
  await withStore(location, async (store) => {
    const prefix = toolPrefix(toolVersion);
    await store.query(`DELETE FROM keyv WHERE NOT (${isCurrent})`, prefix, prefix);
    // A value without a readable timestamp is not one of ours: treat it as infinitely old.
    if (options.maxAgeMs !== undefined) {
      await store.query(`DELETE FROM keyv WHERE coalesce(${WRITTEN_AT}, 0) < ?`, now - options.maxAgeMs);
    }
    if (options.maxBytes !== undefined) {
      // Keep the newest entries whose running total of size fits.
      await store.query(
        `DELETE FROM keyv WHERE key IN (
           SELECT key FROM (
             SELECT key, sum(length(key) + length(value)) OVER (ORDER BY coalesce(${WRITTEN_AT}, 0) DESC, key) AS running
             FROM keyv)
           WHERE running > ?)`,
        options.maxBytes,
      );
    }
    await compact(store);
  });
  const after = await sqliteStats(location, toolVersion);
  return { removed: before.entries - after.entries, before, after };
}

/** Folds the WAL into the database and shrinks the file. */
async function compact(store: CacheStore): Promise<void> {
  await store.query('VACUUM');
  await store.query('PRAGMA wal_checkpoint(TRUNCATE)');
}
