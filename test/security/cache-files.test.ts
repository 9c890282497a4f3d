/**
 * The cache file is opened as hostile input: no write through a symlink, no
 * write to (or rename of) a file that is not sonde's, no hang on a trapped
 * schema, no loop on a place that cannot be created. Attacks (before): a
 * `.sonde` or `.sonde/cache.sqlite` symlink aimed at another application's
 * database gained a `keyv` table and WAL mode; a recursive `keyv` VIEW spun
 * at 100% CPU for good; `--cache-location /proc/x.sqlite` looped for good.
 */
import assert from 'node:assert/strict';
import { linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../../src/cache/sqlite-store.js';
import { runCli } from '../../src/cli.js';
import { fakeIO } from '../helpers/fake-io.js';
import { removeTree } from '../helpers/temp-tree.js';
import { listing, makeRepo, scanInProcess, sql, tempDir } from './cache-helpers.js';

/** Another application's SQLite database, outside the root. */
async function victimDatabase(dir: string): Promise<string> {
  const file = path.join(dir, 'app.db');
  await sql(file, ['CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT)', "INSERT INTO users(name) VALUES ('alice')"]);
  return file;
}

describe('cache files', () => {
  const cleanup: string[] = [];
  const savedHome = process.env.XDG_CACHE_HOME;
  before(() => {
    const home = tempDir('sonde-xdg-');
    cleanup.push(home);
    process.env.XDG_CACHE_HOME = home;
  });
  after(() => {
    if (savedHome === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = savedHome;
    cleanup.forEach(removeTree);
  });

  async function expectNoCache(root: string, args: readonly string[], warning: RegExp) {
    const reference = await scanInProcess(root, ['--no-cache']);
    const run = await scanInProcess(root, ['--cache', ...args]);
    assert.equal(run.code, reference.code);
    assert.deepEqual(run.report!.findings, reference.report!.findings);
    assert.equal(run.report!.summary.cache.enabled, false);
    assert.equal(run.report!.warnings.length, 1, run.report!.warnings.join('\n'));
    assert.match(run.report!.warnings[0]!, warning);
  }

  it('.sonde is a symlink to a folder with another database: that database unchanged, no cache, one warning', async () => {
    const outside = tempDir();
    const root = makeRepo();
    cleanup.push(outside, root);
    const db = await victimDatabase(outside);
    symlinkSync('app.db', path.join(outside, 'cache.sqlite'));
    symlinkSync(outside, path.join(root, '.sonde'));
    const before = readFileSync(db);
    await expectNoCache(root, [], /\.sonde is a symlink, and sonde does not write through symlinks/);
    assert.deepEqual(readFileSync(db), before);
    assert.deepEqual(listing(outside), ['app.db', 'cache.sqlite']);
  });

  it('.sonde/cache.sqlite (or its -wal) is a symlink to another database: that database unchanged, no cache, one warning', async () => {
    for (const linked of ['cache.sqlite', 'cache.sqlite-wal']) {
      const outside = tempDir();
      const root = makeRepo();
      cleanup.push(outside, root);
      const db = await victimDatabase(outside);
      mkdirSync(path.join(root, '.sonde'));
      symlinkSync(db, path.join(root, '.sonde', linked));
      const before = readFileSync(db);
      await expectNoCache(root, [], new RegExp(`${linked.replace('.', '\\.')} is a symlink`));
      assert.deepEqual(readFileSync(db), before);
      assert.deepEqual(listing(outside), ['app.db']);
    }
  });

  it('.sonde/cache.sqlite hard-linked to a database elsewhere: that database unchanged, no cache, one warning', async () => {
    const outside = tempDir();
    const root = makeRepo();
    cleanup.push(outside, root);
    await scanInProcess(root, ['--cache', '--cache-location', path.join(outside, 'sonde.sqlite')]);
    const before = readFileSync(path.join(outside, 'sonde.sqlite'));
    mkdirSync(path.join(root, '.sonde'));
    linkSync(path.join(outside, 'sonde.sqlite'), path.join(root, '.sonde', 'cache.sqlite'));
    await expectNoCache(root, [], /cache\.sqlite has other hard links/);
    assert.deepEqual(readFileSync(path.join(outside, 'sonde.sqlite')), before);
  });

  it('a file that is not sonde\'s at the cache path (text, or another database) is neither written, renamed nor moved aside', async () => {
    const outside = tempDir();
    const root = makeRepo();
    cleanup.push(outside, root);
    const text = path.join(outside, 'notes.txt');
    writeFileSync(text, 'not a database at all, but someone’s notes\n'.repeat(20));
    await expectNoCache(root, ['--cache-location', text], /notes\.txt is not a SQLite database; sonde leaves it untouched/);
    const db = await victimDatabase(outside);
    const before = readFileSync(db);
    await expectNoCache(root, ['--cache-location', db], /app\.db is not a sonde cache/);
    assert.deepEqual(readFileSync(db), before);
    assert.equal(readFileSync(text, 'utf8'), 'not a database at all, but someone’s notes\n'.repeat(20));
    assert.deepEqual(listing(outside), ['app.db', 'notes.txt']);
  });

  it('a keyv that is a recursive VIEW (or a trigger in the schema): a warning, and the scan completes quickly', async () => {
    const root = makeRepo();
    cleanup.push(root);
    mkdirSync(path.join(root, '.sonde'));
    const file = path.join(root, '.sonde', 'cache.sqlite');
    await sql(file, ['CREATE VIEW keyv(key, value) AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n, n FROM r']);
    const before = readFileSync(file);
    const started = performance.now();
    await expectNoCache(root, [], /cache\.sqlite is not a sonde cache \(unexpected schema/);
    assert.ok(performance.now() - started < 20_000, 'generous bound: a hang would never end');
    assert.deepEqual(readFileSync(file), before);
  });

  it('a cache location that cannot be created (/proc): disabled once, and the scan completes', { skip: process.platform !== 'linux' && 'needs /proc' }, async () => {
    const root = makeRepo();
    cleanup.push(root);
    await expectNoCache(root, ['--cache-location', '/proc/sonde-test.sqlite'], /^Cache disabled for this scan: \/proc\/sonde-test\.sqlite is not usable/);
    // Node's own recursive mkdir spins for good under /proc: these must end too.
    await expectNoCache(root, ['--cache-location', '/proc/sonde-a/b/c.sqlite'], /^Cache disabled for this scan: cannot create \/proc\/sonde-a\/b/);
    const home = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = '/proc/sonde-xdg';
    try {
      await expectNoCache(root, [], /^Cache disabled for this scan: the private cache folder is not safe: cannot create \/proc\/sonde-xdg\/sonde/);
    } finally {
      process.env.XDG_CACHE_HOME = home;
    }
  });

  it('every statement has a deadline: a runaway query is interrupted', async () => {
    const dir = tempDir();
    cleanup.push(dir);
    const store = await openSqliteStore(path.join(dir, 'cache.sqlite'), 1000, 300);
    const started = performance.now();
    try {
      await assert.rejects(
        store.query('WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r'),
        (error: NodeJS.ErrnoException) => error.code === 'SQLITE_INTERRUPT',
      );
    } finally {
      await store.close();
    }
    assert.ok(performance.now() - started < 10_000, 'generous bound');
  });

  it('`sonde cache stats|clear` on a file that is not sonde\'s: exit 2 with one line, the file unchanged', async () => {
    const outside = tempDir();
    cleanup.push(outside);
    const db = await victimDatabase(outside);
    const text = path.join(outside, 'notes.sqlite');
    writeFileSync(text, 'SQLite format 3\0 but not really a database, and not sonde\'s'.repeat(10));
    const before = [readFileSync(db), readFileSync(text)];
    for (const [action, file] of [['stats', db], ['clear', db], ['clear', text]] as const) {
      const fake = fakeIO({ cwd: outside });
      const code = await runCli(['cache', action, '--cache-location', file], fake.io);
      assert.equal(code, 2, `${action} ${file}: ${fake.stderr}`);
      assert.doesNotMatch(fake.stderr, /\n\s+at /, 'no stack trace');
    }
    assert.deepEqual([readFileSync(db), readFileSync(text)], before);
    assert.deepEqual(listing(outside), ['app.db', 'notes.sqlite']);
  });
});
