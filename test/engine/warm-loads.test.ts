/**
 * A warm scan that hits the scan memo loads what it needs and nothing more:
 * no parser (ts-morph, typescript), no worker pool (piscina), even with a
 * fixed --parallel, while the cold scan before it did load them (so the check
 * can fail). Each scan runs in a fresh process.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { makeTempDir, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const CHILD = fileURLToPath(new URL('./helpers/loaded-modules-child.js', import.meta.url));

function scanInChild(args: readonly string[], cwd: string): { code: number; packages: string[] } {
  const result = spawnSync(process.execPath, [CHILD, 'scan', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, SONDE_CACHE_SECRET: 'test-secret-test-secret-test-secret' },
  });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { code: number; packages: string[] };
}

describe('the modules a warm scan loads', () => {
  const root = makeTempTree({
    'src/a.ts': "import { b } from './b';\nexport const a = () => b(1);\n",
    'src/b.ts': 'export function b(x: number) { return x > 0 ? x : -x; }\n',
    'src/c.js': 'export const c = 1;\n',
  });
  const cacheDir = makeTempDir('sonde-warm-loads-');
  after(() => {
    removeTree(root);
    removeTree(cacheDir);
  });

  const scanTwice = (parallel: string) => {
    const args = [root, '--cache', '--cache-location', path.join(cacheDir, `cache-${parallel}.sqlite`), '--parallel', parallel, '--format', 'json', '--no-ui', '--progress', 'none'];
    const cold = scanInChild(args, root);
    const warm = scanInChild(args, root);
    assert.equal(warm.code, cold.code);
    assert.ok(warm.packages.includes('sqlite3'), `the warm scan reads the cache: ${warm.packages.join(', ')}`);
    return { cold: cold.packages, warm: warm.packages };
  };

  it('loads no parser on a memo hit (in-process analysis)', () => {
    const { cold, warm } = scanTwice('0');
    assert.ok(cold.includes('ts-morph'), `the cold scan parses in this thread: ${cold.join(', ')}`);
    for (const heavy of ['ts-morph', '@ts-morph/common', 'typescript']) assert.ok(!warm.includes(heavy), `the warm scan loaded ${heavy}`);
  });

  it('starts no worker pool on a memo hit, even with a fixed --parallel 2', () => {
    const { cold, warm } = scanTwice('2');
    assert.ok(cold.includes('piscina'), `the cold scan starts the pool: ${cold.join(', ')}`);
    assert.ok(!warm.includes('piscina'), `the warm scan loaded piscina: ${warm.join(', ')}`);
  });
});
