/**
 * The cache must never fail a scan or serve a wrong value: corrupt and
 * truncated files, locks held by another process, read-only files, four
 * processes sharing one cache, and a writer killed with SIGKILL.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import sqlite3 from 'sqlite3';
import { openFactsCache } from '../../src/cache/open-cache.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/config/options.js';
import { sampleFacts, sampleKey } from './helpers/sample-facts.js';
import { makeTempDir } from '../helpers/temp-tree.js';

const CHILD = fileURLToPath(new URL('./helpers/cache-child.js', import.meta.url));
// The entry-signing key from the environment, shared with the child processes:
// one running as "nobody" has no private cache folder of its own.
process.env.SONDE_CACHE_SECRET = 'test-secret-test-secret-test-secret';

const tempDir = () => makeTempDir('sonde-cache-');

function open(location: string, warnings: string[], busyTimeoutMs = 1000) {
  return openFactsCache({
    location,
    analysisOptions: DEFAULT_ANALYSIS_OPTIONS,
    toolVersion: 'test',
    onWarning: (code, message) => warnings.push(`${code}: ${message}`),
    busyTimeoutMs,
  });
}

function child(args: string[], options: { uid?: number; gid?: number } = {}): ChildProcess {
  return spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

/** Resolves with the child's stdout once it exits; rejects on a non-zero exit. */
function finish(proc: ChildProcess): Promise<string> {
  let out = '';
  let err = '';
  proc.stdout!.on('data', (chunk) => (out += chunk));
  proc.stderr!.on('data', (chunk) => (err += chunk));
  return new Promise((resolve, reject) =>
    proc.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`)))),
  );
}

function waitForLine(proc: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes(line)) resolve();
    });
    proc.on('exit', (code) => reject(new Error(`child exited ${code} before "${line}"`)));
  });
}

async function fill(location: string, count: number): Promise<void> {
  const cache = await open(location, []);
  await cache.setMany(Array.from({ length: count }, (_, i) => [sampleKey(i), sampleFacts(i)] as const));
  await cache.close();
}

describe('cache robustness', () => {
  it('leaves a file that is not SQLite untouched, warns, and runs without the cache', async () => {
    const dir = tempDir();
    const location = path.join(dir, 'cache.sqlite');
    const text = 'this is not a database, just text that is long enough to have a header'.repeat(100);
    fs.writeFileSync(location, text);
    const warnings: string[] = [];
    const cache = await open(location, warnings);
    assert.equal(cache.enabled, false);
    await cache.close();
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^cache-unavailable: .*not a SQLite database.*untouched/);
    assert.deepEqual(fs.readdirSync(dir), ['cache.sqlite']);
    assert.equal(fs.readFileSync(location, 'utf8'), text);
  });

  it("moves sonde's own damaged cache aside to one .corrupt copy, and rebuilds", async () => {
    const dir = tempDir();
    const location = path.join(dir, 'cache.sqlite');
    for (let round = 0; round < 2; round += 1) {
      await fill(location, 50);
      // Keep sonde's header (magic + application id), wreck the rest.
      const bytes = fs.readFileSync(location);
      bytes.fill(0xff, 100);
      for (const suffix of ['-wal', '-shm']) fs.rmSync(location + suffix, { force: true });
      fs.writeFileSync(location, bytes);
      const warnings: string[] = [];
      const cache = await open(location, warnings);
      await cache.setMany([[sampleKey(1), sampleFacts(1)]]);
      assert.equal((await cache.getMany([sampleKey(1)])).size, 1);
      await cache.close();
      assert.match(warnings.join('\n'), /^cache-corrupt: .*moved to .*cache\.sqlite\.corrupt and rebuilt/m);
    }
    assert.deepEqual(fs.readdirSync(dir).filter((name) => name.includes('.corrupt')), ['cache.sqlite.corrupt']);
  });

  it('never serves from a truncated file: it is rebuilt, or its entries miss', async () => {
    const dir = tempDir();
    const location = path.join(dir, 'cache.sqlite');
    await fill(location, 3000);
    fs.truncateSync(location, Math.floor(fs.statSync(location).size / 3));
    const warnings: string[] = [];
    const cache = await open(location, warnings);
    const got = await cache.getMany(Array.from({ length: 3000 }, (_, i) => sampleKey(i)));
    await cache.close();
    for (const [key, facts] of got) assert.ok(isDeepStrictEqual(facts, sampleFacts(Number(key.slice(3)))), key);
    assert.ok(warnings.some((w) => w.startsWith('cache-corrupt')), warnings.join('\n'));
    // Whatever was detected, the next open is a clean, working cache.
    const next: string[] = [];
    const again = await open(location, next);
    await again.setMany([[sampleKey(1), sampleFacts(1)]]);
    assert.deepEqual((await again.getMany([sampleKey(1)])).get(sampleKey(1)), sampleFacts(1));
    await again.close();
    assert.deepEqual(next, []);
  });

  it('runs without the cache, with a warning, while another process holds an exclusive lock', async () => {
    const location = path.join(tempDir(), 'cache.sqlite');
    await fill(location, 10);
    const locker = child(['lock', location]);
    try {
      await waitForLine(locker, 'locked');
      const warnings: string[] = [];
      const cache = await open(location, warnings, 300);
      assert.equal(cache.enabled, false);
      assert.equal((await cache.getMany([sampleKey(1)])).size, 0);
      await cache.setMany([[sampleKey(1), sampleFacts(1)]]);
      await cache.close();
      assert.match(warnings.join('\n'), /^cache-unavailable: .*(locked|busy)/i);
    } finally {
      locker.kill('SIGKILL');
    }
  });

  it('runs without the cache, with a warning, when the file is read-only', async (t) => {
    const dir = tempDir();
    const location = path.join(dir, 'cache.sqlite');
    await fill(location, 10);
    // root ignores file modes, so as root the reader is a process running as "nobody".
    const asRoot = process.getuid?.() === 0;
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(location, 0o444);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(location + suffix)) fs.chmodSync(location + suffix, 0o444);
    if (!asRoot && process.platform === 'win32') return t.skip('no POSIX permissions');
    const out = await finish(child(['open', location], asRoot ? { uid: 65534, gid: 65534 } : {}));
    const result = JSON.parse(out) as { enabled: boolean; warnings: string[]; found: number };
    assert.equal(result.enabled, false);
    assert.equal(result.found, 0);
    assert.match(result.warnings.join('\n'), /^cache-unavailable: /);
  });

  it('lets four processes share one cache at once without errors or wrong values', async () => {
    const location = path.join(tempDir(), 'cache.sqlite');
    // Overlapping ranges: every key is written by two processes, read by two.
    const runs = [0, 500, 1000, 1500].map((from) => finish(child(['write', location, String(from), '1000', '4'])));
    const results = (await Promise.all(runs)).map((out) => JSON.parse(out) as { enabled: boolean; warnings: string[]; wrong: number });
    for (const result of results) {
      assert.equal(result.enabled, true);
      assert.deepEqual(result.warnings, []);
      assert.equal(result.wrong, 0);
    }
    const warnings: string[] = [];
    const cache = await open(location, warnings);
    const got = await cache.getMany(Array.from({ length: 2500 }, (_, i) => sampleKey(i)));
    await cache.close();
    assert.equal(got.size, 2500);
    for (const [key, facts] of got) assert.ok(isDeepStrictEqual(facts, sampleFacts(Number(key.slice(3)))), key);
  });

  it('is consistent after a writer is killed with SIGKILL mid-write', async () => {
    const location = path.join(tempDir(), 'cache.sqlite');
    const writer = child(['write-forever', location]);
    await waitForLine(writer, 'ready');
    await new Promise((resolve) => setTimeout(resolve, 150));
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.on('exit', resolve));
    const warnings: string[] = [];
    const cache = await open(location, warnings);
    const got = await cache.getMany(Array.from({ length: 50_000 }, (_, i) => sampleKey(i)));
    await cache.setMany([[sampleKey(999_999), sampleFacts(999_999)]]);
    await cache.close();
    assert.deepEqual(warnings, []);
    assert.ok(got.size >= 1000, `${got.size} entries survived`);
    for (const [key, facts] of got) assert.ok(isDeepStrictEqual(facts, sampleFacts(Number(key.slice(3)))), key);
    const check = await new Promise<unknown[]>((resolve, reject) => {
      const db = new sqlite3.Database(location);
      db.all('PRAGMA integrity_check', (error, rows) => db.close(() => (error ? reject(error) : resolve(rows))));
    });
    assert.deepEqual(check, [{ integrity_check: 'ok' }]);
  });
});
