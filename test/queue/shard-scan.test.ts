/**
 * `--shard i/n` on a real redis-server: n scans each fill the shared cache
 * with their slice, and a last scan assembles the whole report from the
 * cache with zero misses, byte-identical to a sequential scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { requireProgram } from '../helpers/require-program.js';
import { removeTree } from '../helpers/temp-tree.js';
import { startRedisServer, type RedisServer } from '../cache/helpers/redis-server.js';
import { projectTree, scanJson, stable } from './helpers/queue-fixtures.js';

describe('--shard i/n with a shared Redis cache', { skip: requireProgram('redis-server') }, () => {
  let server: RedisServer;
  let tree: string;
  before(async () => {
    server = await startRedisServer();
    tree = projectTree(60, 3);
  });
  after(async () => {
    await server.stop();
    removeTree(tree);
  });

  it('three shards cover every file once; the final scan has zero misses and the sequential report', async () => {
    const url = `${server.url}/0`;
    const reference = await scanJson(tree, '--parallel', '0');
    const shards = [];
    for (const shard of ['1/3', '2/3', '3/3']) shards.push((await scanJson(tree, '--shard', shard, '--cache-location', url, '--parallel', '0')).report);
    assert.equal(
      shards.reduce((sum, report) => sum + report.summary.files, 0),
      reference.report.summary.files,
      'the slices partition the files',
    );
    assert.ok(shards.every((report) => report.summary.files > 0));
    const final = (await scanJson(tree, '--cache', '--cache-location', url)).report as typeof reference.report & { summary: { cache: { misses: number } } };
    assert.equal(final.summary.cache.misses, 0);
    assert.equal(stable(final), stable(reference.report));
  });
});
