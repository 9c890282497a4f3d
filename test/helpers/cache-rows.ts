/**
 * Raw access to a SQLite cache file's rows with the plain driver (no sonde
 * code): what tests read or edit behind sonde's back.
 */
import sqlite3 from 'sqlite3';

/** Runs statements on a SQLite file, then closes it. */
export function sql(file: string, statements: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => {
      if (error) return reject(error);
      db.exec(statements.join(';\n'), (execError) => db.close(() => (execError ? reject(execError) : resolve())));
    });
  });
}

/** Every row of the cache's keyv table. */
export function rows(file: string): Promise<{ key: string; value: string }[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => {
      if (error) return reject(error);
      db.all('SELECT key, value FROM keyv', (queryError, result: { key: string; value: string }[]) =>
        db.close(() => (queryError ? reject(queryError) : resolve(result))),
      );
    });
  });
}
