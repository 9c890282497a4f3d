/**
 * Progressive cache writes: facts are committed in batches during the scan,
 * so a scan killed with SIGKILL (no chance to clean up) keeps what it had
 * committed, and the next scan is warm for exactly those files.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { generateProject } from '../../src/generate/index.js';
import { REPO_ROOT, makeTempDir, removeTree } from '../helpers/temp-tree.js';

const BIN = path.join(REPO_ROOT, 'bin', 'sonde.js');
const FILES = 900;
const ENV = { ...process.env, NO_COLOR: '1', CI: 'true' };

/** Runs a scan until `killAfter` files are done, then SIGKILLs it; resolves with the files it reported done. */
function scanAndKill(root: string, killAfter: number): Promise<number> {
  const child = spawn(process.execPath, [BIN, 'scan', root, '--sequential', '--cache', '--format', 'json', '--progress', 'ndjson', '-o', path.join(root, '..', 'unused.json')], {
    env: ENV,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let done = 0;
  let buffered = '';
  child.stderr.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) if (line.includes('"type":"file:done"')) done += 1;
    if (done >= killAfter && child.exitCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      assert.equal(signal, 'SIGKILL', `the scan ended before ${killAfter} files were done`);
      resolve(done);
    });
  });
}

/** Facts entries in the cache, as `sonde cache stats` counts them: all entries less the scan memo's (its stat manifest is written before the analysis). */
function cacheEntries(root: string): number {
  const stats = spawnSync(process.execPath, [BIN, 'cache', 'stats', root], { encoding: 'utf8', env: ENV });
  assert.equal(stats.status, 0, stats.stderr);
  const all = Number(/^entries: (\d+)/m.exec(stats.stdout)?.[1]);
  const memo = Number(/^of those, scan memo: (\d+)/m.exec(stats.stdout)?.[1] ?? 0);
  return all - memo;
}

describe('progressive cache writes', () => {
  it('a scan killed with SIGKILL part-way keeps its committed batches, and the next scan hits exactly those', async () => {
    const base = makeTempDir('sonde-progressive-');
    const root = path.join(base, 'tree');
    try {
      generateProject({ size: FILES, seed: 5, outDir: root });
      // Somewhere past the first commit (every 500 files), before the end.
      const killAfter = 600 + Math.floor(Math.random() * (FILES - 700));
      const done = await scanAndKill(root, killAfter);
      const entries = cacheEntries(root);
      assert.ok(entries >= 500, `only ${entries} entries after ${done} files were done: the first batch was not committed`);
      assert.ok(entries <= done, `${entries} entries but only ${done} files were done`);

      const next = spawnSync(process.execPath, [BIN, 'scan', root, '--sequential', '--cache', '--format', 'json'], { encoding: 'utf8', env: ENV, maxBuffer: 1 << 28 });
      assert.equal(next.status, 0, next.stderr);
      const summary = JSON.parse(next.stdout).summary as { files: number; cache: { hits: number; misses: number } };
      assert.equal(summary.cache.hits, entries, `killed after ${done} files`);
      assert.equal(summary.cache.hits + summary.cache.misses, FILES);
    } finally {
      removeTree(base);
    }
  });
});
