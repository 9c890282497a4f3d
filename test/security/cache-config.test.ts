/**
 * A repository's sonde.config.json cannot choose where sonde writes or
 * connects, nor size the machine. Attack (before): `"cacheLocation": "<any
 * path>"` renamed the user's file there to `*.corrupt-<ts>` and put a SQLite
 * database in its place; `"parallel": 24` started 24 workers.
 */
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { parseScanArgs } from '../../src/cli/scan-args.js';
import { fakeIO } from '../helpers/fake-io.js';
import { removeTree } from '../helpers/temp-tree.js';
import { listing, makeRepo, scanInProcess, scanSpawned, tempDir } from './cache-helpers.js';

describe("a repository's config and the cache location", () => {
  const cleanup: string[] = [];
  let home: string;
  before(() => {
    home = tempDir('sonde-xdg-');
    cleanup.push(home);
  });
  after(() => cleanup.forEach(removeTree));

  it('cacheLocation outside the root (absolute or ../): exit 2 with one line, the victim file unchanged, nothing new outside', () => {
    const outside = tempDir();
    cleanup.push(outside);
    const victim = path.join(outside, 'victim.txt');
    writeFileSync(victim, 'precious bytes\n');
    for (const cacheLocation of [victim, `../${path.basename(outside)}/victim.txt`]) {
      const root = makeRepo({ 'sonde.config.json': JSON.stringify({ cache: true, cacheLocation }) });
      cleanup.push(root);
      const run = scanSpawned(root, [], { XDG_CACHE_HOME: home });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /cacheLocation: the cache file must be inside the scanned folder/);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(readFileSync(victim, 'utf8'), 'precious bytes\n');
      assert.deepEqual(listing(outside), ['victim.txt']);
    }
  });

  it('cacheLocation through a symlink inside the root, or a URL: refused, nothing written outside', async () => {
    const outside = tempDir();
    cleanup.push(outside);
    const root = makeRepo();
    cleanup.push(root);
    symlinkSync(outside, path.join(root, 'link'));
    writeFileSync(path.join(root, 'sonde.config.json'), JSON.stringify({ cache: true, cacheLocation: 'link/cache.sqlite' }));
    const linked = await scanInProcess(root, []);
    assert.equal(linked.code, 2);
    assert.match(linked.stderr, /cacheLocation: link is a symlink/);
    assert.deepEqual(listing(outside), []);

    writeFileSync(path.join(root, 'sonde.config.json'), JSON.stringify({ cache: true, cacheLocation: 'redis://attacker.example:6379' }));
    const url = await scanInProcess(root, []);
    assert.equal(url.code, 2);
    assert.match(url.stderr, /cacheLocation: a URL is not allowed here/);
  });

  it('cacheLocation inside the root works; the user may still choose any place by flag or SONDE_CACHE_LOCATION', () => {
    const root = makeRepo({ 'sonde.config.json': JSON.stringify({ cache: true, cacheLocation: 'build/sonde.sqlite' }) });
    const elsewhere = tempDir();
    cleanup.push(root, elsewhere);
    assert.equal(parseScanArgs(['.'], root).scan.cache.location, path.join(root, 'build', 'sonde.sqlite'));
    const fromEnv = parseScanArgs(['.'], root, { SONDE_CACHE_LOCATION: path.join(elsewhere, 'c.sqlite') });
    assert.equal(fromEnv.scan.cache.location, path.join(elsewhere, 'c.sqlite'));
    const fromFlag = parseScanArgs(['.', '--cache-location', path.join(elsewhere, 'f.sqlite')], root, { SONDE_CACHE_LOCATION: 'ignored.sqlite' });
    assert.equal(fromFlag.scan.cache.location, path.join(elsewhere, 'f.sqlite'), 'the flag wins over the environment');
  });

  it('`sonde cache` reads SONDE_CACHE_LOCATION too', async () => {
    const elsewhere = tempDir();
    cleanup.push(elsewhere);
    const fake = fakeIO({ cwd: elsewhere, env: { SONDE_CACHE_LOCATION: path.join(elsewhere, 'env.sqlite') } });
    assert.equal(await runCli(['cache', 'stats'], fake.io), 0, fake.stderr);
    assert.match(fake.stdout, /env\.sqlite/);
  });

  it('--config naming a file inside the root is still the repository\'s; one outside the root is the user\'s', () => {
    const root = makeRepo({ 'sonde.config.json': JSON.stringify({ cacheLocation: '/tmp/elsewhere.sqlite' }) });
    const userConfigDir = tempDir();
    cleanup.push(root, userConfigDir);
    assert.throws(() => parseScanArgs(['.', '--config', 'sonde.config.json'], root), /must be inside the scanned folder/);
    writeFileSync(path.join(userConfigDir, 'ci.json'), JSON.stringify({ cacheLocation: path.join(userConfigDir, 'ci.sqlite'), parallel: 64 }));
    const trusted = parseScanArgs(['.', '--config', path.join(userConfigDir, 'ci.json')], root);
    assert.equal(trusted.scan.cache.location, path.join(userConfigDir, 'ci.sqlite'));
    assert.equal(trusted.scan.parallel, 64);
  });

  it('parallel from the repository is bounded by the cores; the flag is not', () => {
    const root = makeRepo({ 'sonde.config.json': JSON.stringify({ parallel: 200 }) });
    cleanup.push(root);
    assert.equal(parseScanArgs(['.'], root).scan.parallel, availableParallelism());
    assert.equal(parseScanArgs(['.', '--parallel', '3'], root).scan.parallel, 3);
    writeFileSync(path.join(root, 'sonde.config.json'), JSON.stringify({ parallel: 100000 }));
    assert.throws(() => parseScanArgs(['.'], root), /parallel: expected a worker count 0–256/);
  });
});
