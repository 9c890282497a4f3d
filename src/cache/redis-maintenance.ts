/**
 * `sonde cache stats | clear | prune` on a shared Redis: only keys under
 * sonde's root (`sonde/…`) are ever counted or deleted — never FLUSHDB, the
 * database may hold other tools' data. Keys are found with SCAN (never KEYS,
 * which blocks the server), and per key we read its length and the first
 * bytes of its value, where the write time sits, instead of the whole value.
 */
import { hidePassword, redactUrl } from '../config/cache-location.js';
import { UserError } from '../errors.js';
import { compareCodeUnits } from '../util/compare.js';
import { describeError } from './keyv-facts-cache.js';
import { MEMO_KEY_MARK, type CacheStats, type PruneOptions, type PruneResult } from './maintenance-types.js';
import { KEY_ROOT, toolPrefix } from './namespace.js';
import { closeRedis, connectRedis, type RedisClient } from './redis-store.js';

/** Keys per SCAN page and per UNLINK. */
const PAGE = 1000;
/**
 * Values are written as `{"value":{"t":<epoch ms>,"facts":…}}` (Keyv's
 * envelope around CacheEntry, `t` first): 40 bytes always hold the time.
 */
const HEAD_BYTES = 40;
const WRITTEN_AT_HEAD = /^\{"value":\{"t":(\d+)[,}]/;

/** One key as maintenance sees it. */
interface EntryInfo {
  readonly key: string;
  /** Key plus value, in bytes. */
  readonly bytes: number;
  /** Undefined when the value carries no readable time: treated as infinitely old, as in SQLite. */
  readonly writtenAt: number | undefined;
  readonly current: boolean;
}

export async function redisCacheStats(url: string, toolVersion: string): Promise<CacheStats> {
  return withClient(url, async (client) => statsOf(url, await collect(client, toolVersion)));
}

/** Deletes every sonde key (all versions), nothing else; returns how many. */
export async function clearRedisCache(url: string): Promise<number> {
  return withClient(url, async (client) => {
    let removed = 0;
    for await (const keys of sondeKeys(client)) removed += await client.unlink(keys);
    return removed;
  });
}

/** Removes stale-version entries, then by age, then oldest-first down to a size, as the SQLite prune does. */
export async function pruneRedisCache(url: string, toolVersion: string, options: PruneOptions): Promise<PruneResult> {
  return withClient(url, async (client) => {
    const entries = await collect(client, toolVersion);
    const before = statsOf(url, entries);
    const doomed = new Set(entries.filter((entry) => !entry.current).map((entry) => entry.key));
    if (options.maxAgeMs !== undefined) {
      const cutoff = (options.now ?? Date.now()) - options.maxAgeMs;
      for (const entry of entries) if ((entry.writtenAt ?? 0) < cutoff) doomed.add(entry.key);
    }
    if (options.maxBytes !== undefined) {
      // Keep the newest entries whose running total of size fits.
      const kept = entries
        .filter((entry) => !doomed.has(entry.key))
        .sort((a, b) => (b.writtenAt ?? 0) - (a.writtenAt ?? 0) || compareCodeUnits(a.key, b.key));
      let running = 0;
      for (const entry of kept) {
        running += entry.bytes;
        if (running > options.maxBytes) doomed.add(entry.key);
      }
    }
    const keys = [...doomed];
    for (let start = 0; start < keys.length; start += PAGE) await client.unlink(keys.slice(start, start + PAGE));
    const after = statsOf(url, await collect(client, toolVersion));
    return { removed: before.entries - after.entries, before, after };
  });
}

async function withClient<T>(url: string, use: (client: RedisClient) => Promise<T>): Promise<T> {
  let client: RedisClient;
  try {
    client = await connectRedis(url);
  } catch (error) {
    throw new UserError(
      'CACHE_UNAVAILABLE',
      `Cannot use the Redis cache at ${redactUrl(url)}: ${hidePassword(url, describeError(error))}`,
      'Check the host, port, password and database number in the URL, and that the server is up.',
    );
  }
  try {
    return await use(client);
  } catch (error) {
    // A server that goes away, a replica that refuses writes, a server older than 6.0 (SCAN TYPE).
    throw new UserError(
      'CACHE_UNAVAILABLE',
      `The Redis cache at ${redactUrl(url)} failed: ${hidePassword(url, describeError(error))}`,
      'Check that the server is up and accepts writes (Redis 6 or later).',
    );
  } finally {
    await closeRedis(client);
  }
}

/** Pages of sonde's keys. SCAN may repeat a key across pages; callers that count deduplicate. */
async function* sondeKeys(client: RedisClient): AsyncGenerator<string[]> {
  const match = `${escapeGlob(KEY_ROOT)}*`;
  for await (const page of client.scanIterator({ MATCH: match, COUNT: PAGE, TYPE: 'string' })) {
    if (page.length > 0) yield page.map(String);
  }
}

/** Every sonde key with its size and write time. */
async function collect(client: RedisClient, toolVersion: string): Promise<EntryInfo[]> {
  const prefix = toolPrefix(toolVersion);
  const found = new Map<string, EntryInfo>();
  for await (const page of sondeKeys(client)) {
    const keys = page.filter((key) => !found.has(key));
    const pipeline = client.multi();
    for (const key of keys) pipeline.strLen(key).getRange(key, 0, HEAD_BYTES - 1);
    const replies = await pipeline.execAsPipeline();
    for (const [index, key] of keys.entries()) {
      const length = Number(replies[2 * index]);
      // A key deleted between SCAN and STRLEN reads as length 0: it is gone, skip it.
      if (length === 0) continue;
      const head = String(replies[2 * index + 1]);
      found.set(key, {
        key,
        bytes: Buffer.byteLength(key) + length,
        writtenAt: await writtenAt(client, key, head),
        current: key.startsWith(prefix),
      });
    }
  }
  return [...found.values()];
}

/** The write time from the value's first bytes; a value written some other way is read whole, once. */
async function writtenAt(client: RedisClient, key: string, head: string): Promise<number | undefined> {
  const match = WRITTEN_AT_HEAD.exec(head);
  if (match) return Number(match[1]);
  try {
    const t = (JSON.parse(String(await client.get(key))) as { value?: { t?: unknown } } | null)?.value?.t;
    return typeof t === 'number' && Number.isFinite(t) ? t : undefined;
  } catch {
    return undefined;
  }
}

function statsOf(url: string, entries: readonly EntryInfo[]): CacheStats {
  const current = entries.filter((entry) => entry.current).length;
  let oldest = Infinity;
  let newest = -Infinity;
  for (const { writtenAt } of entries) {
    if (writtenAt === undefined) continue;
    oldest = Math.min(oldest, writtenAt);
    newest = Math.max(newest, writtenAt);
  }
  return {
    kind: 'redis',
    location: redactUrl(url),
    exists: true,
    entries: entries.length,
    current,
    stale: entries.length - current,
    memo: entries.filter((entry) => entry.key.includes(MEMO_KEY_MARK)).length,
    bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0),
    ...(newest >= oldest ? { oldest, newest } : {}),
  };
}

/** SCAN MATCH treats `* ? [ ] \` as glob syntax. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
