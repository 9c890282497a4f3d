/**
 * Cache entries are authenticated with the user's secret, so a committed,
 * forged or edited cache gives misses and one warning, never other facts.
 * Attacks (before): a committed .sonde/cache.sqlite with forged facts for the
 * repository's own content hashes took `--fail-on warning` from exit 1 to 0;
 * one digit changed in a stored value turned a complexity of 4 into 5, silently.
 */
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { entryTag } from '../../src/cache/keyv-facts-cache.js';
import { cacheSecret } from '../../src/cache/private-dir.js';
import { removeTree } from '../helpers/temp-tree.js';
import { complexities, dropMemo, factRows, makeRepo, rewriteRows, scanInProcess, scanSpawned, tempDir } from './cache-helpers.js';

interface StoredValue {
  value: { t: number; facts: { functions: unknown[]; observations: unknown[] }; mac: string };
}

describe('cache integrity', () => {
  const cleanup: string[] = [];
  const savedHome = process.env.XDG_CACHE_HOME;
  let userHome: string;
  before(() => {
    userHome = tempDir('sonde-xdg-');
    cleanup.push(userHome);
    process.env.XDG_CACHE_HOME = userHome;
  });
  after(() => {
    if (savedHome === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = savedHome;
    cleanup.forEach(removeTree);
  });

  it('creates the secret as a private 32-byte file in a 0700 folder', () => {
    const secret = cacheSecret({ XDG_CACHE_HOME: userHome });
    assert.ok(secret.ok);
    const file = path.join(userHome, 'sonde', 'secret');
    assert.deepEqual(readFileSync(file), secret.secret);
    assert.equal(secret.secret.length, 32);
  });

  it('a committed cache signed with another key (forged facts for the repo\'s own hashes): same findings and exit code as without a cache, one warning for the memo and one for the facts', async () => {
    const root = makeRepo();
    const attackerHome = tempDir('sonde-attacker-');
    cleanup.push(root, attackerHome);
    const clean = await scanInProcess(root, ['--no-cache']);
    assert.equal(clean.code, 1, 'the complexity-13 function is a warning');

    // The attacker builds the cache with their own key, then forges: no functions, no findings.
    const asAttacker = async () => {
      process.env.XDG_CACHE_HOME = attackerHome;
      try {
        return await scanInProcess(root, ['--cache']);
      } finally {
        process.env.XDG_CACHE_HOME = userHome;
      }
    };
    assert.equal((await asAttacker()).code, 1);
    const attackerSecret = cacheSecret({ XDG_CACHE_HOME: attackerHome });
    assert.ok(attackerSecret.ok);
    const file = path.join(root, '.sonde', 'cache.sqlite');
    const forged = (await factRows(file)).map(({ key, value }) => {
      const stored = JSON.parse(value) as StoredValue;
      const facts = { ...stored.value.facts, functions: [], observations: [] };
      return { key, value: JSON.stringify({ ...stored, value: { t: stored.value.t, facts, mac: entryTag(attackerSecret.secret, key, stored.value.t, facts as never) } }) };
    });
    assert.equal(forged.length, 3);
    await rewriteRows(file, forged);
    // The memo still holds the true facts: drop it, so the attacker's next scan memoizes the forgery under their key.
    await dropMemo(file);
    assert.equal((await asAttacker()).code, 0, 'the forgery is well-formed: it fools its own key');

    const victim = scanSpawned(root, ['--cache'], { XDG_CACHE_HOME: userHome });
    assert.equal(victim.code, clean.code, victim.stderr);
    assert.deepEqual(victim.report!.findings, clean.report!.findings);
    assert.deepEqual(victim.report!.files, clean.report!.files);
    assert.deepEqual(victim.report!.warnings, [
      `cache: the scan memo at ${file} failed authentication and was recomputed.`,
      `cache: 3 entries at ${file} failed authentication and were recomputed.`,
    ]);
    assert.equal(victim.report!.summary.cache.hits, 0);

    const again = await scanInProcess(root, ['--cache']);
    assert.deepEqual(again.report!.warnings, [], 'the recomputed entries replaced the forged ones');
    assert.equal(again.report!.summary.cache.hits, 3);
  });

  it('one digit changed in a stored value: recomputed, with a warning', async () => {
    const root = makeRepo();
    cleanup.push(root);
    const cold = await scanInProcess(root, ['--cache']);
    assert.equal(complexities(cold).four, 4);
    const file = path.join(root, '.sonde', 'cache.sqlite');
    const edited = (await factRows(file))
      .filter(({ value }) => value.includes('"cyclomatic":4'))
      .map(({ key, value }) => ({ key, value: value.replace('"cyclomatic":4', '"cyclomatic":5') }));
    assert.equal(edited.length, 1);
    await rewriteRows(file, edited);
    await dropMemo(file);
    const warm = await scanInProcess(root, ['--cache']);
    assert.equal(complexities(warm).four, 4);
    assert.equal(warm.report!.summary.cache.hits, 2);
    assert.equal(warm.report!.warnings.length, 1);
    assert.match(warm.report!.warnings[0]!, /^cache: 1 entry at .* failed authentication and was recomputed\.$/);
  });

  it('a private cache folder that others can write: no cache, one warning, same results', async () => {
    const root = makeRepo();
    const shared = tempDir('sonde-xdg-shared-');
    cleanup.push(root, shared);
    const warm = await scanInProcess(root, ['--cache'], {});
    process.env.XDG_CACHE_HOME = shared;
    try {
      assert.ok(cacheSecret({ XDG_CACHE_HOME: shared }).ok);
      chmodSync(path.join(shared, 'sonde'), 0o777);
      const run = await scanInProcess(root, ['--cache']);
      assert.equal(run.code, warm.code);
      assert.deepEqual(run.report!.findings, warm.report!.findings);
      assert.equal(run.report!.summary.cache.enabled, false);
      assert.equal(run.report!.warnings.length, 1);
      assert.match(run.report!.warnings[0]!, /^Cache disabled for this scan: the private cache folder is not safe: .* can be written by group or others/);
    } finally {
      process.env.XDG_CACHE_HOME = userHome;
    }
  });

  it('a secret file that others can read, or a symlink in its place, is refused (no cache), never used', () => {
    const home = tempDir('sonde-xdg-');
    const elsewhere = tempDir();
    cleanup.push(home, elsewhere);
    const env = { XDG_CACHE_HOME: home };
    const first = cacheSecret(env);
    assert.ok(first.ok);
    const file = path.join(home, 'sonde', 'secret');
    chmodSync(file, 0o644);
    assert.equal(cacheSecret(env).ok, false);
    rmSync(file);
    writeFileSync(path.join(elsewhere, 'planted'), Buffer.alloc(32, 7), { mode: 0o600 });
    symlinkSync(path.join(elsewhere, 'planted'), file);
    const linked = cacheSecret(env);
    assert.equal(linked.ok, false);
    assert.match((linked as { reason: string }).reason, /ELOOP/);
  });

  it('SONDE_CACHE_SECRET: shared by a fleet; too short is refused', () => {
    const shared = 'a'.repeat(40);
    const fromEnv = cacheSecret({ SONDE_CACHE_SECRET: shared, XDG_CACHE_HOME: '/nonexistent' });
    assert.ok(fromEnv.ok);
    assert.equal(fromEnv.secret.toString(), shared);
    const short = cacheSecret({ SONDE_CACHE_SECRET: 'short' });
    assert.equal(short.ok, false);
  });
});
