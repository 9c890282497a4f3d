/**
 * The SQLite cache file as a Keyv store, opened as untrusted input (it may be
 * committed to the scanned repository):
 * - no symlinks: the file and its -wal/-shm/-journal side files must be
 *   regular files or absent (lstat), and SQLite opens the file with
 *   SQLITE_OPEN_NOFOLLOW;
 * - nothing is written to a database that is not recognisably sonde's:
 *   before any write, the schema must be exactly the `keyv` table (no views,
 *   no triggers, no other tables) and `PRAGMA application_id` sonde's (or 0
 *   for a cache written by sonde before it set one, which is then adopted);
 * - every statement has a deadline, after which it is interrupted, so a
 *   hostile database cannot hang a scan.
 * Batches are one statement each (a Map for getMany, one upsert for setMany).
 * @keyv/sqlite is not used: it creates its table on connect, before any check.
 */
import { EventEmitter } from 'node:events';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import sqlite3 from 'sqlite3';

/** SQLite result codes that mean "this file is not a usable database": move it aside (if ours) and rebuild. */
const CORRUPTION_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/** True for errors that a rebuild fixes (as opposed to locks or permissions). */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CORRUPTION_CODES.has(code);
}

/** `PRAGMA application_id` of every cache sonde creates: "sond". */
const SONDE_APPLICATION_ID = 0x736f6e64;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Offset of the application id in the database header (big-endian). */
const APPLICATION_ID_OFFSET = 68;
const SQLITE_OPEN_NOFOLLOW = 0x01000000;
/** Files SQLite opens beside the database. */
export const SIDE_SUFFIXES = ['-wal', '-shm', '-journal'] as const;
/** A statement running longer is interrupted (SQLITE_INTERRUPT): a cache lookup takes milliseconds. */
const STATEMENT_DEADLINE_MS = 30_000;

const TABLE = 'keyv';
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT )`;

/** The cache file is unsafe or not sonde's: leave it exactly as it is and run without the cache. */
export class ForeignCacheFileError extends Error {
  readonly code = 'SONDE_FOREIGN_CACHE';
}

/** A Keyv store over one SQLite file, with the batch methods the facts cache uses. */
export interface CacheStore extends EventEmitter {
  readonly opts: { readonly dialect: 'sqlite' };
  namespace?: string | undefined;
  query<Row = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<Row[]>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
  clear(): Promise<void>;
  getMany(keys: string[]): Promise<(string | undefined)[]>;
  setMany(entries: { key: string; value: unknown }[]): Promise<boolean[]>;
  close(): Promise<void>;
}

/** Throws ForeignCacheFileError when the file or a side file is a symlink, not a regular file, or hard-linked elsewhere. */
function refuseLinkedFiles(file: string): void {
  for (const candidate of [file, ...SIDE_SUFFIXES.map((suffix) => file + suffix)]) {
    let stat;
    try {
      stat = lstatSync(candidate);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) throw new ForeignCacheFileError(`${candidate} is a symlink`);
    if (!stat.isFile()) throw new ForeignCacheFileError(`${candidate} is not a regular file`);
    // A second name elsewhere (a hard link to someone's file) is as good as a symlink.
    if (stat.nlink > 1) throw new ForeignCacheFileError(`${candidate} has other hard links`);
  }
}

/**
 * The file's SQLite header says it is sonde's: the magic string and sonde's
 * application id. Read without following a symlink. False for anything else.
 */
export function isSondeDatabaseFile(file: string): boolean {
  const header = readHeader(file);
  return header !== undefined && header.length >= 72 && isSqliteHeader(header) && header.readUInt32BE(APPLICATION_ID_OFFSET) === SONDE_APPLICATION_ID;
}

function isSqliteHeader(header: Buffer): boolean {
  return header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC);
}

/** The first 100 bytes; undefined when missing, a symlink or not a regular file. */
function readHeader(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const header = Buffer.alloc(100);
    return header.subarray(0, readSync(fd, header, 0, header.length, 0));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens (creating if needed) the SQLite file and checks it is sonde's and
 * usable for reading and writing. Rejects with ForeignCacheFileError (not
 * ours: untouched), or the SQLite error (corrupt, locked beyond
 * `busyTimeoutMs`, read-only, interrupted); never leaves a connection open on failure.
 */
export async function openSqliteStore(file: string, busyTimeoutMs: number, deadlineMs = STATEMENT_DEADLINE_MS): Promise<CacheStore> {
  refuseLinkedFiles(file);
  const header = readHeader(file);
  const isNew = header === undefined || header.length === 0;
  if (!isNew && !isSqliteHeader(header)) throw new ForeignCacheFileError(`${file} is not a SQLite database`);

  const db = await openDatabase(file);
  db.configure('busyTimeout', busyTimeoutMs);
  const store = new SqliteCacheStore(db, deadlineMs);
  try {
    if (!isNew) await verifySchema(store, file);
    // One round trip each (a warm scan opens the cache before anything else): marks the file as
    // sonde's (the header then says so) and creates the table; WAL, so readers never block on the
    // writer and a commit is one append; NORMAL, durable enough for a cache (a power cut may lose
    // the last commits, never corrupt the file) and ~10× faster inserts than FULL.
    await store.exec(`PRAGMA application_id = ${SONDE_APPLICATION_ID}; ${CREATE_TABLE}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL`);
    // Reading the table proves the file is a database we can read.
    await store.query(`SELECT count(*) AS n FROM ${TABLE}`);
    // Taking and dropping the write lock proves we can write (read-only files, other writers).
    await store.exec('BEGIN IMMEDIATE; ROLLBACK');
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  return store;
}

function openDatabase(file: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(
      file,
      sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE | sqlite3.OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW,
      (error) => (error ? reject(error) : resolve(db)),
    );
  });
}

interface MasterRow {
  type: string;
  name: string;
  sql: string | null;
}

/** Only sonde's own schema passes; anything else is someone else's database (or a trap such as a recursive view). */
async function verifySchema(store: SqliteCacheStore, file: string): Promise<void> {
  const [{ application_id: applicationId }] = await store.query<{ application_id: number }>('PRAGMA application_id');
  const rows = await store.query<MasterRow>('SELECT type, name, sql FROM sqlite_master');
  const normalize = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').replace(/^CREATE TABLE IF NOT EXISTS /i, 'CREATE TABLE ').trim();
  const expectedTable = normalize(CREATE_TABLE);
  const ours = rows.every(
    (row) =>
      (row.type === 'table' && row.name === TABLE && normalize(row.sql) === expectedTable) ||
      (row.type === 'index' && row.name === `sqlite_autoindex_${TABLE}_1` && row.sql === null),
  );
  const hasTable = rows.some((row) => row.type === 'table' && row.name === TABLE);
  // Id 0 with exactly our table: a cache from a sonde that did not mark its files yet.
  if (!ours || (applicationId !== SONDE_APPLICATION_ID && !(applicationId === 0 && hasTable))) {
    throw new ForeignCacheFileError(`${file} is not a sonde cache (unexpected schema or application id)`);
  }
}

class SqliteCacheStore extends EventEmitter implements CacheStore {
  readonly opts = { dialect: 'sqlite' as const };
  namespace?: string | undefined;
  readonly #db: sqlite3.Database;
  readonly #deadlineMs: number;
  #closed: Promise<void> | undefined;

  constructor(db: sqlite3.Database, deadlineMs: number) {
    super();
    this.#db = db;
    this.#deadlineMs = deadlineMs;
  }

  query<Row = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<Row[]> {
    return this.#withDeadline<Row[]>((done) => this.#db.all(sql, params, done));
  }

  /** Runs statements one after the other in one call, under the same deadline; stops at the first error. */
  exec(sql: string): Promise<void> {
    return this.#withDeadline<void>((done) => this.#db.exec(sql, (error: Error | null) => done(error)));
  }

  /** Runs one driver call; past the deadline, the statement is interrupted (SQLITE_INTERRUPT) and the call fails. */
  #withDeadline<T>(call: (done: (error: Error | null, value?: T) => void) => void): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#db.interrupt(), this.#deadlineMs);
      timer.unref();
      call((error, value) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(value as T);
      });
    });
  }

  async get(key: string): Promise<string | undefined> {
    const [value] = await this.getMany([key]);
    return value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.setMany([{ key, value }]);
  }

  async delete(key: string): Promise<boolean> {
    const rows = await this.query<{ key: string }>(`DELETE FROM ${TABLE} WHERE key = ? RETURNING key`, key);
    return rows.length > 0;
  }

  async clear(): Promise<void> {
    await this.query(`DELETE FROM ${TABLE} WHERE key LIKE ?`, this.namespace ? `${this.namespace}:%` : '%');
  }

  async getMany(keys: string[]): Promise<(string | undefined)[]> {
    const rows = await this.query<{ key: string; value: string }>(
      `SELECT key, value FROM ${TABLE} WHERE key IN (SELECT value FROM json_each(?))`,
      JSON.stringify(keys),
    );
    const byKey = new Map(rows.map((row) => [row.key, row.value]));
    return keys.map((key) => byKey.get(key));
  }

  async setMany(entries: { key: string; value: unknown }[]): Promise<boolean[]> {
    if (entries.length === 0) return [];
    if (entries.length === 1 && typeof entries[0]!.value === 'string') {
      // One value (the scan memo, megabytes): bound as is, not escaped into a JSON array for json_each.
      await this.query(
        `INSERT INTO ${TABLE} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        entries[0]!.key,
        entries[0]!.value,
      );
      return [true];
    }
    await this.query(
      `INSERT INTO ${TABLE} (key, value)
       SELECT json_extract(e.value, '$[0]'), json_extract(e.value, '$[1]') FROM json_each(?) AS e WHERE true
       ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      JSON.stringify(entries.map((entry) => [entry.key, entry.value])),
    );
    return entries.map(() => true);
  }

  close(): Promise<void> {
    this.#closed ??= new Promise((resolve, reject) => this.#db.close((error) => (error ? reject(error) : resolve())));
    return this.#closed;
  }
}
