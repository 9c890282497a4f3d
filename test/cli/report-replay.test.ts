/**
 * Report replay (src/cli/report-replay.ts): a warm scan whose inputs match
 * the memo prints the report kept for the same options — the very text a
 * fresh scan prints, its summary's cache and duration lines drawn for the run,
 * and the same exit code — and any change of the inputs or of the report's
 * options prints a fresh report.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { createScanOptions, scan } from '../../src/index.js';
import { rows } from '../helpers/cache-rows.js';
import { fakeIO } from '../helpers/fake-io.js';
import { saveReplay } from '../../src/engine/scan-memo.js';
import { openCache } from '../../src/engine/strategy.js';
import { makeTempDir, makeTempTree, removeTree } from '../helpers/temp-tree.js';

process.env.SONDE_CACHE_SECRET ??= 'test-secret-test-secret-test-secret';

const TREE = {
  'src/index.ts': "import { a } from './a';\nexport const main = () => a(1);\n",
  'src/a.ts': "import { main } from './index';\nexport function a(x: number): number { if (x > 0) { if (x > 1) { if (x > 2) { if (x > 3) { return 1; } } } } return main() + x; }\nexport const unusedA = 1;\n",
  'src/b.ts': '// TODO: later\nexport function b(p: number, q: number, r: number, s: number, t: number) { try { return p + q + r + s + t; } catch {} }\n',
};

/** The report without the lines a run draws for itself. */
const stable = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^ {2}(cache|duration) /.test(line))
    .join('\n');

describe('report replay', () => {
  const root = makeTempTree(TREE, 'sonde-replay-');
  const cacheDir = makeTempDir('sonde-replay-cache-');
  const location = path.join(cacheDir, 'cache.sqlite');
  after(() => {
    removeTree(root);
    removeTree(cacheDir);
  });

  const run = async (...extra: string[]) => {
    const io = fakeIO({ cwd: root, env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
    const code = await runCli(['scan', '.', '--no-ui', '--progress', 'none', '--fail-on', 'warning', ...extra], io.io);
    return { code, stdout: io.stdout, stderr: io.stderr };
  };
  const cached = (...extra: string[]) => run('--cache', '--cache-location', location, ...extra);
  const keptReports = async () => (await rows(location)).filter(({ key }) => /:memo:.*:r:/.test(key)).length;

  it('prints the kept report on a warm scan: the fresh text and exit code, the summary drawn for the run', async () => {
    const fresh = await run();
    assert.equal(fresh.code, 1, 'warnings and --fail-on warning');
    const cold = await cached();
    assert.equal(await keptReports(), 1, 'the cold scan keeps its report');
    const warm = await cached();
    const replayed = await cached();
    for (const result of [cold, warm, replayed]) {
      assert.equal(result.code, fresh.code);
      assert.equal(stable(result.stdout), stable(fresh.stdout));
      assert.equal(result.stderr, '');
    }
    assert.match(replayed.stdout, /^ {2}cache +3 hits, 0 misses/m, 'the cache line of a memo hit');
    assert.match(replayed.stdout, /^ {2}duration +\d/m);
  });

  it('replays each format and set of options apart, and compact as well', async () => {
    const fresh = await run('--format', 'compact');
    await cached('--format', 'compact');
    const warm = await cached('--format', 'compact');
    assert.equal(warm.stdout, fresh.stdout);
    assert.equal(warm.code, fresh.code);
    const quiet = await cached('--quiet');
    assert.equal(stable(quiet.stdout), stable((await run('--quiet')).stdout));
    assert.ok((await keptReports()) >= 3, 'pretty, compact and pretty --quiet are kept apart');
  });

  it('prints a fresh report after any change of the inputs', async () => {
    await cached();
    fs.appendFileSync(path.join(root, 'src/b.ts'), 'export const later = 2;\n');
    const changed = await cached();
    assert.equal(stable(changed.stdout), stable((await run()).stdout));
    assert.match(changed.stdout, /'later' is exported but never imported/);
    const again = await cached();
    assert.equal(stable(again.stdout), stable(changed.stdout));
  });

  it('is never used with progress output', async () => {
    const plain = await cached('--progress', 'plain');
    assert.equal(stable(plain.stdout), stable((await run()).stdout));
  });

  it('the engine serves a kept report only for the digest it was kept for', async () => {
    const options = createScanOptions(root, { parallel: 0, sampleIntervalMs: 0, cache: { enabled: true, location } });
    const first = await scan(options, { replay: { key: 'test key' } });
    assert.equal(first.replayed, undefined, 'nothing kept under this key yet');
    assert.ok(first.memoDigest);
    const cache = await openCache(options, () => {});
    await saveReplay(cache, options, 'test key', { digest: first.memoDigest, text: 'KEPT', cache: { hits: 3, misses: 0 }, meta: { mine: true } });
    await cache.close();
    const replayed = await scan(options, { replay: { key: 'test key' } });
    assert.deepEqual(replayed.replayed, { text: 'KEPT', cache: { hits: 3, misses: 0 }, meta: { mine: true } });
    assert.deepEqual(replayed.cache, { enabled: true, hits: 3, misses: 0, location });
    assert.equal(replayed.files.length, 0, 'nothing loaded');
    assert.equal((await scan(options, { replay: { key: 'another key' } })).replayed, undefined);
    fs.appendFileSync(path.join(root, 'src/a.ts'), '// changed\n');
    assert.equal((await scan(options, { replay: { key: 'test key' } })).replayed, undefined, 'other inputs, other digest');
  });
});
