/**
 * The Redis facts store against a real redis-server (its own, per file):
 * same keys and value checks as SQLite, and the same promise that a server
 * that is down, refuses the password, dies or hangs costs a warning, never
 * the scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openFactsCache, type OpenCacheOptions } from '../../src/cache/open-cache.js';
import { cacheNamespace } from '../../src/cache/namespace.js';
import { closeRedis, connectRedis, type RedisClient } from '../../src/cache/redis-store.js';
import { DEFAULT_ANALYSIS_OPTIONS, type CacheStoreLocation } from '../../src/config/options.js';
import { sampleFacts, sampleKey } from './helpers/sample-facts.js';
import { freePort, startRedisServer, type RedisServer } from './helpers/redis-server.js';
import { requireProgram } from '../helpers/require-program.js';

const PASSWORD = 'sonde-test-secret';
const redis = (url: string): CacheStoreLocation => ({ kind: 'redis', url });

function options(url: string, warnings: string[] = [], extra: Partial<OpenCacheOptions> = {}): OpenCacheOptions {
  return {
    location: redis(url),
    analysisOptions: DEFAULT_ANALYSIS_OPTIONS,
    toolVersion: '1.0.0',
    onWarning: (code, message) => warnings.push(`${code}: ${message}`),
    ...extra,
  };
}

/** A plain client, to look at and tamper with what the store wrote. */
async function raw<T>(url: string, use: (client: RedisClient) => Promise<T>): Promise<T> {
  const client = await connectRedis(url);
  try {
    return await use(client);
  } finally {
    await closeRedis(client);
  }
}

describe('Redis facts store', { skip: requireProgram('redis-server') }, () => {
  let server: RedisServer;
  before(async () => {
    server = await startRedisServer({ password: PASSWORD });
  });
  after(() => server.stop());

  it('round-trips facts in batches, under the same keys as SQLite', async () => {
    const db = `${server.url}/1`;
    const cache = await openFactsCache(options(db));
    assert.equal(cache.enabled, true);
    const entries = Array.from({ length: 1200 }, (_, i) => [sampleKey(i), sampleFacts(i)] as const);
    await cache.setMany(entries);
    const got = await cache.getMany([...entries.map(([key]) => key), sampleKey(99_999)]);
    await cache.close();
    assert.equal(got.size, 1200);
    assert.deepEqual(got.get(sampleKey(7)), sampleFacts(7));

    const namespace = cacheNamespace('1.0.0', DEFAULT_ANALYSIS_OPTIONS);
    const keys = await raw(db, (client) => client.keys('*'));
    assert.equal(keys.length, 1200);
    assert.ok(keys.includes(`${namespace}:${sampleKey(7)}`), keys[0]);
  });

  it('serves a value of the wrong shape or unparseable JSON as a miss, never as facts', async () => {
    const db = `${server.url}/2`;
    const cache = await openFactsCache(options(db));
    await cache.setMany([0, 1, 2, 3].map((i) => [sampleKey(i), sampleFacts(i)] as const));
    await cache.close();
    const namespace = cacheNamespace('1.0.0', DEFAULT_ANALYSIS_OPTIONS);
    await raw(db, async (client) => {
      await client.set(`${namespace}:${sampleKey(1)}`, JSON.stringify({ value: { t: 1, facts: { ...sampleFacts(1), lines: -1 } } }));
      await client.set(`${namespace}:${sampleKey(2)}`, '{"value": {"t": 1, "fa');
      await client.set(`${namespace}:${sampleKey(3)}`, '{"value": {"t": 1, "facts": null}}');
    });
    const warnings: string[] = [];
    const reopened = await openFactsCache(options(db, warnings));
    const got = await reopened.getMany([0, 1, 2, 3].map(sampleKey));
    await reopened.close();
    assert.deepEqual([...got.keys()], [sampleKey(0)]);
    assert.equal(warnings.length, 1);
    // The unparseable value reads as absent; the two that parse fail authentication.
    assert.match(warnings[0]!, /cache: 2 entries at .* failed authentication and were recomputed \(every machine sharing a Redis cache needs the same SONDE_CACHE_SECRET\)/);
  });

  it('options change the namespace: another option set misses', async () => {
    const db = `${server.url}/3`;
    const cache = await openFactsCache(options(db));
    await cache.setMany([[sampleKey(1), sampleFacts(1)]]);
    await cache.close();
    const other = await openFactsCache(options(db, [], { analysisOptions: { todoTags: ['NOTE'] } }));
    assert.equal((await other.getMany([sampleKey(1)])).size, 0);
    await other.close();
  });

  it('a port with nothing listening: one warning, the null cache', async () => {
    const warnings: string[] = [];
    const cache = await openFactsCache(options(`redis://:${PASSWORD}@127.0.0.1:${await freePort()}`, warnings));
    assert.equal(cache.enabled, false);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^cache-unavailable: .*Redis server at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ is not usable .*ECONNREFUSED/);
    assert.doesNotMatch(warnings[0], new RegExp(PASSWORD));
  });

  it('a wrong password or a missing one: one warning naming the problem, the password never shown', async () => {
    for (const url of [`redis://:wrong-${PASSWORD}@127.0.0.1:${server.port}`, `redis://127.0.0.1:${server.port}`]) {
      const warnings: string[] = [];
      const cache = await openFactsCache(options(url, warnings));
      assert.equal(cache.enabled, false);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /^cache-unavailable: .*(WRONGPASS|NOAUTH)/);
      assert.doesNotMatch(warnings[0], new RegExp(PASSWORD));
    }
  });

  it('a database number the server does not have: one warning', async () => {
    const warnings: string[] = [];
    const cache = await openFactsCache(options(`${server.url}/999`, warnings));
    assert.equal(cache.enabled, false);
    assert.match(warnings.join('\n'), /^cache-unavailable: .*DB index is out of range/);
  });

  it('a server that dies mid-scan: one warning, then reads miss and writes are dropped, close resolves', async () => {
    const own = await startRedisServer();
    const warnings: string[] = [];
    const cache = await openFactsCache(options(own.url, warnings));
    await cache.setMany([[sampleKey(1), sampleFacts(1)]]);
    assert.equal((await cache.getMany([sampleKey(1)])).size, 1);
    await own.stop();
    assert.equal((await cache.getMany([sampleKey(1)])).size, 0);
    await cache.setMany([[sampleKey(2), sampleFacts(2)]]);
    assert.equal((await cache.getMany([sampleKey(2)])).size, 0);
    await cache.close();
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /^cache-unavailable: Cache read failed at redis:\/\/127\.0\.0\.1:\d+ /);
  });

  it('a server that stops answering: the batch gives up at its deadline with one warning', async () => {
    const own = await startRedisServer();
    try {
      const warnings: string[] = [];
      const cache = await openFactsCache(options(own.url, warnings, { redisTimeouts: { commandMs: 300 } }));
      assert.equal(cache.enabled, true);
      own.signal('SIGSTOP');
      assert.equal((await cache.getMany([sampleKey(1)])).size, 0);
      await cache.setMany([[sampleKey(1), sampleFacts(1)]]);
      await cache.close();
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0], /^cache-unavailable: Cache read failed .*did not answer within 300 ms/);
    } finally {
      own.signal('SIGCONT');
      await own.stop();
    }
  });

  it('a server that accepts the connection but never answers: the open gives up at the connect deadline', async () => {
    const own = await startRedisServer();
    try {
      own.signal('SIGSTOP');
      const warnings: string[] = [];
      const cache = await openFactsCache(options(own.url, warnings, { redisTimeouts: { connectMs: 300 } }));
      assert.equal(cache.enabled, false);
      assert.match(warnings.join('\n'), /^cache-unavailable: .*not usable/);
    } finally {
      own.signal('SIGCONT');
      await own.stop();
    }
  });
});
