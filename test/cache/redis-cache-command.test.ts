/**
 * `sonde cache stats|clear|prune --cache-location redis://…` against this
 * file's own redis-server: only sonde's keys are counted or deleted, prune
 * reads the write time like the SQLite prune, and the password never shows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toolPrefix } from '../../src/cache/namespace.js';
import { openFactsCache } from '../../src/cache/open-cache.js';
import { closeRedis, connectRedis } from '../../src/cache/redis-store.js';
import { runCli } from '../../src/cli.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/config/options.js';
import { TOOL_VERSION } from '../../src/version.js';
import { fakeIO } from '../helpers/fake-io.js';
import { freePort, startRedisServer, type RedisServer } from './helpers/redis-server.js';
import { requireProgram } from '../helpers/require-program.js';
import { sampleFacts, sampleKey } from './helpers/sample-facts.js';

const DAY = 86_400_000;
const PASSWORD = 'cache-command-secret';

/** Fills database `db`: 100 current entries written 0–99 days ago, 10 of an old version, and 2 keys of another tool. */
async function fill(url: string): Promise<void> {
  for (let age = 0; age < 100; age += 10) {
    const cache = await openFactsCache({
      location: { kind: 'redis', url },
      analysisOptions: DEFAULT_ANALYSIS_OPTIONS,
      toolVersion: TOOL_VERSION,
      onWarning: (code, message) => assert.fail(`${code}: ${message}`),
      now: () => Date.now() - age * DAY,
    });
    await cache.setMany(Array.from({ length: 10 }, (_, i) => [sampleKey(age + i), sampleFacts(age + i)] as const));
    await cache.close();
  }
  const old = await openFactsCache({ location: { kind: 'redis', url }, analysisOptions: DEFAULT_ANALYSIS_OPTIONS, toolVersion: '0.0.0-old', onWarning: () => {} });
  await old.setMany(Array.from({ length: 10 }, (_, i) => [sampleKey(i), sampleFacts(i)] as const));
  await old.close();
  const client = await connectRedis(url);
  await client.set('other-tool:config', 'keep me');
  await client.set('sonde-other', 'not under sonde/');
  await closeRedis(client);
}

async function cache(...argv: string[]): Promise<{ code: number; out: string }> {
  const run = fakeIO({ cwd: '/' });
  const code = await runCli(['cache', ...argv], run.io);
  return { code, out: run.stdout + run.stderr };
}

async function otherKeys(url: string): Promise<string[]> {
  const client = await connectRedis(url);
  try {
    return (await client.keys('*')).filter((key) => !key.startsWith('sonde/')).sort();
  } finally {
    await closeRedis(client);
  }
}

describe('sonde cache on Redis', { skip: requireProgram('redis-server') }, () => {
  let server: RedisServer;
  let db = 0;
  /** A fresh, filled database per test. */
  const filled = async () => {
    const url = `${server.url}/${++db}`;
    await fill(url);
    return url;
  };
  before(async () => {
    server = await startRedisServer({ password: PASSWORD });
  });
  after(() => server.stop());

  it('stats counts current and stale sonde entries, and hides the password', async () => {
    const url = await filled();
    const { code, out } = await cache('stats', '--cache-location', url);
    assert.equal(code, 0, out);
    assert.match(out, new RegExp(`cache: redis://:\\*\\*\\*@127\\.0\\.0\\.1:${server.port}/${db}\\n`));
    assert.match(out, /entries: 110 \(100 for sonde .+, 10 stale\)/);
    assert.match(out, /size in Redis \(keys \+ values\): \d/);
    assert.match(out, /written: \S+ … \S+/);
    assert.ok(!out.includes(PASSWORD));
  });

  it('clear removes every sonde entry and nothing else', async () => {
    const url = await filled();
    assert.match((await cache('clear', '--cache-location', url)).out, /Removed 110 entries from redis:\/\/:\*\*\*@/);
    assert.match((await cache('stats', '--cache-location', url)).out, /entries: 0 /);
    assert.deepEqual(await otherKeys(url), ['other-tool:config', 'sonde-other']);
  });

  it('prune --max-age removes stale entries and those older than the age, by their write time', async () => {
    const url = await filled();
    const { code, out } = await cache('prune', '--max-age', '45d', '--cache-location', url);
    assert.equal(code, 0, out);
    // 10 stale + the 50 written 50–99 days ago.
    assert.match(out, /Removed 60 of 110 entries/);
    assert.match((await cache('stats', '--cache-location', url)).out, /entries: 50 \(50 for sonde/);
    assert.deepEqual(await otherKeys(url), ['other-tool:config', 'sonde-other']);
  });

  it('prune --max-size keeps the newest entries that fit', async () => {
    const url = await filled();
    assert.equal((await cache('prune', '--max-size', '5KB', '--cache-location', url)).code, 0);
    const left = Number(/entries: (\d+)/.exec((await cache('stats', '--cache-location', url)).out)?.[1]);
    assert.ok(left > 0 && left < 100, `${left} entries left`);
    const reader = await openFactsCache({ location: { kind: 'redis', url }, analysisOptions: DEFAULT_ANALYSIS_OPTIONS, toolVersion: TOOL_VERSION, onWarning: () => {} });
    const got = await reader.getMany(Array.from({ length: 100 }, (_, i) => sampleKey(i)));
    await reader.close();
    // Written in groups of ten per age: the survivors are all from the newest groups.
    const newestFirst = [...got.keys()].map((key) => Number(key.slice(3))).sort((a, b) => a - b);
    assert.deepEqual(newestFirst, Array.from({ length: left }, (_, i) => i));
  });

  it('prune reads the write time of a value laid out differently, and treats one without a time as infinitely old', async () => {
    const url = `${server.url}/${++db}`;
    const prefix = `${toolPrefix(TOOL_VERSION)}options`;
    const client = await connectRedis(url);
    await client.set(`${prefix}:reordered`, JSON.stringify({ value: { facts: sampleFacts(1), t: Date.now() } }));
    await client.set(`${prefix}:garbage`, 'not json');
    await closeRedis(client);
    assert.match((await cache('prune', '--max-age', '1d', '--cache-location', url)).out, /Removed 1 of 2 entries/);
    assert.match((await cache('stats', '--cache-location', url)).out, /entries: 1 \(1 for sonde/);
  });

  it('a server that refuses writes (a read-only replica) is a clear error, exit 2', async () => {
    const url = await filled();
    const client = await connectRedis(url);
    await client.sendCommand(['REPLICAOF', '127.0.0.1', String(await freePort())]);
    try {
      const { code, out } = await cache('clear', '--cache-location', url);
      assert.equal(code, 2);
      assert.match(out, /^sonde: The Redis cache at redis:\/\/:\*\*\*@\S+ failed: READONLY/);
      assert.doesNotMatch(out, /internal error/);
    } finally {
      await client.sendCommand(['REPLICAOF', 'NO', 'ONE']);
      await closeRedis(client);
    }
  });

  it('an unreachable server is a clear error (exit 2) without the password', async () => {
    const port = await freePort();
    const { code, out } = await cache('stats', '--cache-location', `redis://:${PASSWORD}@127.0.0.1:${port}`);
    assert.equal(code, 2);
    assert.match(out, new RegExp(`^sonde: Cannot use the Redis cache at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}: `));
    assert.ok(!out.includes(PASSWORD));
  });
});
