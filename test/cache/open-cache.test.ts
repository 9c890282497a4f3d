import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import sqlite3 from 'sqlite3';
import { openFactsCache, type OpenCacheOptions } from '../../src/cache/open-cache.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/config/options.js';
import { sampleFacts, sampleKey } from './helpers/sample-facts.js';
import { makeTempDir } from '../helpers/temp-tree.js';

const tempDir = () => makeTempDir('sonde-cache-');

function options(location: string, warnings: string[] = [], extra: Partial<OpenCacheOptions> = {}): OpenCacheOptions {
  return {
    location,
    analysisOptions: DEFAULT_ANALYSIS_OPTIONS,
    toolVersion: '1.0.0',
    onWarning: (code) => warnings.push(code),
    ...extra,
  };
}

function sql(file: string, statement: string, ...params: unknown[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file);
    db.all(statement, params, (error, rows) => db.close(() => (error ? reject(error) : resolve(rows))));
  });
}

describe('openFactsCache', () => {
  it('creates .sonde/ and returns what was stored, across reopen, in batches larger than one statement', async () => {
    const location = path.join(tempDir(), '.sonde', 'cache.sqlite');
    const entries = Array.from({ length: 1234 }, (_, i) => [sampleKey(i), sampleFacts(i)] as const);
    const warnings: string[] = [];
    const first = await openFactsCache(options(location, warnings));
    assert.equal(first.enabled, true);
    await first.setMany(entries);
    await first.close();
    const second = await openFactsCache(options(location, warnings));
    const got = await second.getMany([...entries.map(([key]) => key), sampleKey(99999)]);
    await second.close();
    assert.equal(got.size, 1234);
    assert.deepEqual(got.get(sampleKey(777)), sampleFacts(777));
    assert.deepEqual(warnings, []);
  });

  it('misses when the tool version or the analysis options differ', async () => {
    const location = path.join(tempDir(), 'cache.sqlite');
    const cache = await openFactsCache(options(location));
    await cache.setMany([[sampleKey(1), sampleFacts(1)]]);
    await cache.close();
    for (const extra of [{ toolVersion: '1.0.1' }, { analysisOptions: { todoTags: ['TODO'] } }]) {
      const other = await openFactsCache(options(location, [], extra));
      assert.equal((await other.getMany([sampleKey(1)])).size, 0, JSON.stringify(extra));
      await other.close();
    }
    const same = await openFactsCache(options(location, [], { analysisOptions: { todoTags: [...DEFAULT_ANALYSIS_OPTIONS.todoTags] } }));
    assert.equal((await same.getMany([sampleKey(1)])).size, 1);
    await same.close();
  });

  it('treats a damaged or wrong-shaped value as a miss, and keeps serving the others', async () => {
    const location = path.join(tempDir(), 'cache.sqlite');
    const cache = await openFactsCache(options(location));
    await cache.setMany([1, 2, 3, 4].map((i) => [sampleKey(i), sampleFacts(i)] as const));
    await cache.close();
    const rows = (await sql(location, 'SELECT key, value FROM keyv ORDER BY key')) as { key: string; value: string }[];
    const bad = JSON.parse(rows[1].value);
    bad.value.facts.functions[0].cyclomatic = 'high';
    await sql(location, 'UPDATE keyv SET value = ? WHERE key = ?', JSON.stringify(bad), rows[1].key);
    await sql(location, 'UPDATE keyv SET value = ? WHERE key = ?', '{"value": {"t": 1, "fa', rows[2].key);
    await sql(location, 'UPDATE keyv SET value = ? WHERE key = ?', '{"value": {"t": 1, "facts": null}}', rows[3].key);
    const reopened = await openFactsCache(options(location));
    const got = await reopened.getMany([1, 2, 3, 4].map(sampleKey));
    await reopened.close();
    assert.deepEqual([...got.keys()], [sampleKey(1)]);
  });

  it('stamps each entry with its write time', async () => {
    const location = path.join(tempDir(), 'cache.sqlite');
    const cache = await openFactsCache(options(location, [], { now: () => 1234567 }));
    await cache.setMany([[sampleKey(1), sampleFacts(1)]]);
    await cache.close();
    const rows = (await sql(location, "SELECT json_extract(value, '$.value.t') AS t FROM keyv")) as { t: number }[];
    assert.deepEqual(rows, [{ t: 1234567 }]);
  });
});
