/**
 * @keyv/sqlite 4, opened for a cache shared by concurrent scans, with the two
 * batch operations it lacks done in one SQL statement each:
 * - its `getMany` matches rows to keys with a linear search per key
 *   (quadratic in the batch); ours builds a Map;
 * - it has no `setMany`, so Keyv falls back to one autocommitted INSERT per
 *   entry (one fsync-ish flush each); ours upserts a whole batch in one
 *   statement, i.e. one transaction.
 * Keyv stays the interface, so another adapter (Redis for a CI fleet) drops in.
 */
import KeyvSqlite from '@keyv/sqlite';

/** SQLite result codes that mean "this file is not a usable database": move it aside and rebuild. */
const CORRUPTION_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/** True for errors that a rebuild fixes (as opposed to locks or permissions). */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CORRUPTION_CODES.has(code);
}

const TABLE = 'keyv';

/** A KeyvSqlite with fast batch methods and the pragmas a shared cache needs. */
export type CacheStore = KeyvSqlite & {
  setMany(entries: { key: string; value: unknown }[]): Promise<boolean[]>;
};

/**
 * Opens (creating if needed) the SQLite file and checks it is usable for
 * reading and writing. Rejects with the SQLite error when it is not
 * (corrupt, locked beyond `busyTimeoutMs`, read-only); never leaves a
 * connection open on failure.
 */
export async function openSqliteStore(file: string, busyTimeoutMs: number): Promise<CacheStore> {
  const store = new KeyvSqlite({ uri: `sqlite://${file}`, table: TABLE, busyTimeout: busyTimeoutMs }) as CacheStore;
  // The constructor's connection errors are re-thrown by every query; this only keeps 'error' from crashing.
  store.on('error', () => {});
  try {
    // WAL: readers never block on the writer, and a commit is one append.
    // NORMAL: durable enough for a cache (a power cut may lose the last
    // commits, never corrupt the file) and ~10× faster inserts than FULL.
    await store.query('PRAGMA journal_mode = WAL');
    await store.query('PRAGMA synchronous = NORMAL');
    // Reading the table proves the file is a database we can read.
    await store.query(`SELECT count(*) AS n FROM ${TABLE}`);
    // Taking and dropping the write lock proves we can write (read-only files, other writers).
    await store.query('BEGIN IMMEDIATE');
    await store.query('ROLLBACK');
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }

  store.getMany = (async (keys: string[]) => {
    const rows: { key: string; value: string }[] = await store.query(
      `SELECT key, value FROM ${TABLE} WHERE key IN (SELECT value FROM json_each(?))`,
      JSON.stringify(keys),
    );
    const byKey = new Map(rows.map((row) => [row.key, row.value]));
    return keys.map((key) => byKey.get(key));
  }) as KeyvSqlite['getMany'];

  store.setMany = async (entries) => {
    if (entries.length === 0) return [];
    await store.query(
      `INSERT INTO ${TABLE} (key, value)
       SELECT json_extract(e.value, '$[0]'), json_extract(e.value, '$[1]') FROM json_each(?) AS e WHERE true
       ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      JSON.stringify(entries.map((entry) => [entry.key, entry.value])),
    );
    return entries.map(() => true);
  };
  return store;
}
