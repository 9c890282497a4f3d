/**
 * Opens the persistent facts cache: Keyv over a SQLite file or a Redis
 * server, namespaced by format, tool version and analysis options (see
 * INVALIDATION.md), every entry signed with the user's secret. It never
 * fails a scan: a corrupt sonde cache file is moved aside and rebuilt; a
 * file that is not sonde's, a symlink on the way, a locked or read-only
 * file, or a Redis server that is down, refuses the password or does not
 * answer, is skipped with a warning; a damaged or forged entry is a miss.
 */
import { lstatSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { hidePassword, redactUrl } from '../config/cache-location.js';
import type { AnalysisOptions, CacheStoreLocation } from '../config/options.js';
import { NULL_CACHE, type FactsCache } from './facts-cache.js';
import { describeError, KeyvFactsCache, type FactsStore } from './keyv-facts-cache.js';
import { cacheNamespace } from './namespace.js';
import { cacheSecret, type CacheEnv } from './private-dir.js';
import { ForeignCacheFileError, isCorruptionError, isSondeDatabaseFile, openSqliteStore, SIDE_SUFFIXES, type CacheStore } from './sqlite-store.js';
import { makeDirs } from '../util/make-dirs.js';

/** How long a statement waits for another scan's write lock before the cache gives up on it. */
const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface OpenCacheOptions {
  /** The store; a string is a SQLite file path, whose directory is created if missing. */
  readonly location: CacheStoreLocation | string;
  readonly analysisOptions: AnalysisOptions;
  readonly toolVersion: string;
  readonly onWarning: (code: string, message: string) => void;
  /**
   * The scanned root. A SQLite location inside it is created one folder at a
   * time, and refused when any folder from the root down is a symlink.
   */
  readonly root?: string;
  /** Where the entry-signing secret comes from (SONDE_CACHE_SECRET, XDG_CACHE_HOME, HOME); defaults to process.env. */
  readonly env?: CacheEnv;
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
  // Without the key, entries could be neither trusted nor signed: no cache at all.
  const secret = cacheSecret(options.env ?? process.env);
  if (!secret.ok) {
    options.onWarning('cache-unavailable', `Cache disabled for this scan: ${secret.reason}.`);
    return NULL_CACHE;
  }
  const store = location.kind === 'sqlite' ? await openSqlite(location.path, options) : await openRedis(location.url, options);
  if (!store) return NULL_CACHE;
  return new KeyvFactsCache(store, {
    namespace: cacheNamespace(options.toolVersion, options.analysisOptions),
    secret: secret.secret,
    onWarning: options.onWarning,
    ...(location.kind === 'redis' ? { authenticationHint: 'every machine sharing a Redis cache needs the same SONDE_CACHE_SECRET' } : {}),
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
  const folderProblem = prepareFolder(path.dirname(location), options.root);
  if (folderProblem) {
    onWarning('cache-unavailable', `Cache disabled for this scan: ${folderProblem}.`);
    return undefined;
  }
  let store: CacheStore;
  try {
    store = await openSqliteStore(location, busyTimeoutMs);
  } catch (error) {
    if (error instanceof ForeignCacheFileError) {
      onWarning('cache-unavailable', `Cache disabled for this scan: ${error.message}; sonde leaves it untouched.`);
      return undefined;
    }
    if (!isCorruptionError(error) || !isSondeDatabaseFile(location)) {
      onWarning('cache-unavailable', `Cache disabled for this scan: ${location} is not usable (${describeError(error)}).`);
      return undefined;
    }
    const aside = moveAside(location);
    if (!aside) {
      onWarning('cache-unavailable', `Cache disabled for this scan: ${location} is damaged and could not be moved aside.`);
      return undefined;
    }
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
    quarantine: () => {
      if (isSondeDatabaseFile(location)) moveAside(location);
    },
  };
}

/**
 * Creates the cache folder. Inside the scanned root, one level at a time,
 * refusing any symlink on the way (the tree is untrusted); elsewhere the
 * user chose the path, so only the folder itself must not be a symlink.
 * Returns the problem, or undefined when the folder is ready.
 */
function prepareFolder(dir: string, root: string | undefined): string | undefined {
  const relative = root === undefined ? undefined : path.relative(root, dir);
  const inside = relative !== undefined && !relative.startsWith('..') && !path.isAbsolute(relative);
  try {
    if (!inside) {
      makeDirs(path.dirname(dir));
      return makeRealFolder(dir);
    }
    let current = root!;
    for (const part of relative!.split(path.sep).filter(Boolean)) {
      current = path.join(current, part);
      const problem = makeRealFolder(current);
      if (problem) return problem;
    }
    return undefined;
  } catch (error) {
    return `cannot create ${dir} (${describeError(error)})`;
  }
}

function makeRealFolder(dir: string): string | undefined {
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return `cannot create ${dir} (${describeError(error)})`;
  }
  const stat = lstatSync(dir);
  if (stat.isSymbolicLink()) return `${dir} is a symlink, and sonde does not write through symlinks`;
  if (!stat.isDirectory()) return `${dir} is not a directory`;
  return undefined;
}

/**
 * Renames sonde's damaged database (and its WAL files) to `<file>.corrupt`,
 * replacing the previous damaged copy: at most one is kept. Returns the new
 * name, or undefined when it could not.
 */
function moveAside(file: string): string | undefined {
  const aside = `${file}.corrupt`;
  try {
    for (const suffix of ['', ...SIDE_SUFFIXES]) {
      if (lexists(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
    return aside;
  } catch {
    return undefined;
  }
}

function lexists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
