import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { openFactsCache } from '../../src/cache/open-cache.js';
import { cacheCommand, parseDuration, parseSize } from '../../src/cli/commands/cache.js';
import type { CliIO } from '../../src/io.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/config/options.js';
import { UserError } from '../../src/errors.js';
import { TOOL_VERSION } from '../../src/version.js';
import { sampleFacts, sampleKey } from './helpers/sample-facts.js';
import { makeTempDir } from '../helpers/temp-tree.js';

const DAY = 86_400_000;

function fakeIo(cwd: string): { io: CliIO; out: () => string } {
  let text = '';
  const stream = new Writable({ write: (chunk, _enc, done) => ((text += chunk), done()) });
  return { io: { stdout: stream, stderr: stream, env: {}, cwd }, out: () => text };
}

/** Writes 100 current entries (written 0–99 days ago) and 10 stale ones into the cache at `location`. */
async function fillCache(location: string): Promise<void> {
  for (let age = 0; age < 100; age++) {
    const cache = await openFactsCache({
      location,
      analysisOptions: DEFAULT_ANALYSIS_OPTIONS,
      toolVersion: TOOL_VERSION,
      onWarning: () => {},
      now: () => Date.now() - age * DAY,
    });
    await cache.setMany([[sampleKey(age), sampleFacts(age)]]);
    await cache.close();
  }
  const old = await openFactsCache({ location, analysisOptions: DEFAULT_ANALYSIS_OPTIONS, toolVersion: '0.0.0-old', onWarning: () => {} });
  await old.setMany(Array.from({ length: 10 }, (_, i) => [sampleKey(i), sampleFacts(i)] as const));
  await old.close();
}

/**
 * The 101 opens and closes of fillCache, each a SQLite commit, cost seconds
 * on a busy disk: they are done once, and each test gets a copy of the closed
 * cache folder (the entries keep their write times, days apart).
 */
let template: string | undefined;

/** A project dir whose default cache holds 100 current entries (written 0–99 days ago) and 10 stale ones. */
async function project(): Promise<string> {
  if (template === undefined) {
    template = makeTempDir('sonde-cachecmd-template-');
    await fillCache(path.join(template, '.sonde', 'cache.sqlite'));
  }
  const root = makeTempDir('sonde-cachecmd-');
  fs.cpSync(path.join(template, '.sonde'), path.join(root, '.sonde'), { recursive: true });
  return root;
}

async function run(argv: string[], cwd: string): Promise<{ code: number; out: string }> {
  const { io, out } = fakeIo(cwd);
  const code = await cacheCommand(argv, io);
  return { code, out: out() };
}

describe('sonde cache', () => {
  it('stats counts current and stale entries in the default location of the given path', async () => {
    const root = await project();
    const { code, out } = await run(['stats', root], '/');
    assert.equal(code, 0);
    assert.match(out, /entries: 110 \(100 for sonde .+, 10 stale\)/);
    assert.match(out, /size on disk: \d/);
  });

  it('prune --max-age removes stale entries and those older than the age', async () => {
    const root = await project();
    const { code, out } = await run(['prune', '--max-age', '30d'], root);
    assert.equal(code, 0);
    // 10 stale + entries aged 31..99 days (69) = 79; the one aged exactly 30 days is a few ms older than 30d too.
    const removed = Number(/Removed (\d+) of 110/.exec(out)?.[1]);
    assert.ok(removed === 79 || removed === 80, out);
    assert.match((await run(['stats'], root)).out, new RegExp(`entries: ${110 - removed} `));
  });

  it('prune --max-size keeps only the newest entries that fit', async () => {
    const root = await project();
    const { code } = await run(['prune', '--max-size', '5KB'], root);
    assert.equal(code, 0);
    const entries = Number(/entries: (\d+)/.exec((await run(['stats'], root)).out)?.[1]);
    assert.ok(entries > 0 && entries < 100, `${entries} entries left`);
    const location = path.join(root, '.sonde', 'cache.sqlite');
    const cache = await openFactsCache({ location, analysisOptions: DEFAULT_ANALYSIS_OPTIONS, toolVersion: TOOL_VERSION, onWarning: () => {} });
    const got = await cache.getMany(Array.from({ length: 100 }, (_, i) => sampleKey(i)));
    await cache.close();
    // The survivors are exactly the newest ones (ages 0..entries-1).
    assert.deepEqual([...got.keys()].sort(), Array.from({ length: entries }, (_, i) => sampleKey(i)).sort());
  });

  it('clear empties the cache, and stats on a missing cache says so', async () => {
    const root = await project();
    assert.match((await run(['clear', '--cache-location', '.sonde/cache.sqlite'], root)).out, /Removed 110 entries/);
    assert.match((await run(['stats'], root)).out, /entries: 0 /);
    assert.match((await run(['stats', '--cache-location', 'nowhere.sqlite'], root)).out, /No cache at .*nowhere\.sqlite/);
  });

  it('rejects bad arguments with a UserError', async () => {
    await assert.rejects(run(['shrink'], '/'), UserError);
    await assert.rejects(run([], '/'), UserError);
    await assert.rejects(run(['stats', '--max-age', '3d'], '/'), UserError);
    await assert.rejects(run(['prune', '--max-age', 'soon'], '/'), UserError);
    assert.equal(parseDuration('30d'), 30 * 86_400_000);
    assert.equal(parseSize('100MB'), 100_000_000);
    assert.equal(parseSize('100MiB'), 100 * 1024 * 1024);
    assert.equal(parseSize('512'), 512);
    assert.throws(() => parseSize('lots'), UserError);
  });
});
