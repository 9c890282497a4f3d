/**
 * Every strategy's child sees exactly the sonde state it claims, read from
 * the child's own JSON report (facts-cache hits, parser code-cache loads):
 * - sequential / parallel:N: no facts cache, no code cache;
 * - cache:cold: an empty facts cache AND an empty code cache, even when the
 *   user's own cache folder holds a code cache (the bug; that every
 *   cold run gets a new folder is checked in measure.test.ts);
 * - cache:partial (a primed strategy): its own code cache, loaded, not compiled.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { measureStrategies } from '../../../src/bench/run/measure.js';
import { createWorkspace } from '../../../src/bench/run/workspace.js';
import { parseStrategies } from '../../../src/bench/strategy.js';
import { makeTinyTree, tempDir, treeDigest } from '../helpers.js';
import { removeTree } from '../../helpers/temp-tree.js';

const BIN = fileURLToPath(new URL('../../../../bin/sonde.js', import.meta.url));

test('each strategy starts from the state it names', async () => {
  const root = makeTinyTree();
  const userCache = tempDir('sonde-user-cache-');
  const saved = { xdg: process.env.XDG_CACHE_HOME, location: process.env.SONDE_CACHE_LOCATION };
  const ws = createWorkspace();
  try {
    // The user's own state: a warm code cache in their cache folder, and a cache file named by the environment.
    const userEnv = { ...process.env, XDG_CACHE_HOME: userCache, NO_COLOR: '1' };
    const userCacheFile = path.join(userCache, 'facts.sqlite');
    for (let i = 0; i < 2; i++) {
      // A new facts cache each time, so the parser loads (and, the second time, loads from the code cache).
      const r = spawnSync(process.execPath, [BIN, 'scan', root, '--format', 'json', '--no-ui', '--parallel', '0', '--cache', '--cache-location', `${userCacheFile}.${i}`], {
        env: userEnv,
        encoding: 'utf8',
      });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      if (i === 1) assert.ok(JSON.parse(r.stdout).profile.codeCache.loaded > 0, 'the user code cache is warm');
    }
    const userBefore = treeDigest(userCache);
    process.env.XDG_CACHE_HOME = userCache;
    process.env.SONDE_CACHE_LOCATION = userCacheFile;

    const specs = parseStrategies('sequential,parallel:2,cache:cold,cache:partial:50', 2);
    const settings = { warmupRuns: 0, minRuns: 1, maxRuns: 1, timeBudgetMs: 0, targetRme: null, seed: 1, bin: BIN };
    const results = await measureStrategies(root, specs, settings, ws, () => {});
    const by = new Map(results.map((r) => [r.strategy, r]));
    for (const r of results) assert.equal(r.samples.length, 1, `${r.strategy}: ${JSON.stringify(r.failures)}`);

    for (const name of ['sequential', 'parallel:2']) {
      for (const s of by.get(name)!.samples) {
        assert.deepEqual([s.cacheHits, s.cacheMisses, s.codeCacheLoaded, s.codeCacheCompiled], [0, 0, 0, 0], `${name} sees no cache`);
      }
    }
    for (const s of by.get('cache:cold')!.samples) {
      assert.equal(s.cacheHits, 0, 'cold: no facts-cache hit');
      assert.equal(s.cacheMisses, s.files, 'cold: every file a miss');
      assert.equal(s.codeCacheLoaded, 0, 'cold: no code-cache blob loaded, not even the user\'s or the previous run\'s');
      assert.ok((s.codeCacheCompiled ?? 0) > 0, 'cold: the parser was compiled through an empty code cache');
    }
    for (const s of by.get('cache:partial:50')!.samples) {
      assert.ok(s.cacheHits > 0 && s.cacheMisses > 0, 'partial: some hits, some misses');
      assert.ok((s.codeCacheLoaded ?? 0) > 0 && s.codeCacheCompiled === 0, 'partial: its own code cache, primed by its warm-up');
    }
    assert.equal(treeDigest(userCache), userBefore, "the user's cache folder is neither read into nor written");
  } finally {
    if (saved.xdg === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved.xdg;
    if (saved.location === undefined) delete process.env.SONDE_CACHE_LOCATION;
    else process.env.SONDE_CACHE_LOCATION = saved.location;
    ws.dispose();
    removeTree(root);
    removeTree(userCache);
  }
});
