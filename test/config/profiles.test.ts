import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScanArgs, SCAN_FLAGS } from '../../src/cli/scan-args.js';
import { PROFILE_NAMES, PROFILES } from '../../src/config/profiles.js';
import { UserError } from '../../src/errors.js';
import { makeTempTree, removeTree } from '../helpers/temp-tree.js';

function withTree(files: Record<string, string>, test: (root: string) => void): void {
  const root = makeTempTree({ 'src/a.ts': 'export const a = 1;\n', ...files });
  try {
    test(root);
  } finally {
    removeTree(root);
  }
}

/** The settings a profile decides, as parsed. */
function settings(argv: string[], root: string) {
  const o = parseScanArgs(argv, root);
  return { parallel: o.scan.parallel, cache: o.scan.cache.enabled, ui: o.ui, progress: o.progress, maxMemory: o.scan.maxMemory };
}

describe('--profile', () => {
  it('every preset sets only flags of the scan table, with values of the right kind', () => {
    const byName = new Map(SCAN_FLAGS.map((flag) => [flag.name as string, flag]));
    for (const name of PROFILE_NAMES) {
      for (const [flag, value] of Object.entries(PROFILES[name].flags)) {
        const row = byName.get(flag);
        assert.ok(row, `${name} sets --${flag}, which scan does not have`);
        assert.equal(typeof value === 'string' ? 'string' : 'boolean', row.type, `${name}: --${flag}`);
      }
    }
  });

  it('maps each profile to its documented settings', () => {
    withTree({}, (root) => {
      assert.deepEqual(settings([], root), { parallel: 'auto', cache: false, ui: true, progress: 'auto', maxMemory: undefined }, 'no profile: the defaults');
      assert.deepEqual(settings(['--profile', 'ci'], root), { parallel: 'auto', cache: true, ui: false, progress: 'plain', maxMemory: undefined });
      assert.deepEqual(settings(['--profile', 'laptop'], root), { parallel: 'auto', cache: true, ui: true, progress: 'auto', maxMemory: undefined });
      assert.deepEqual(settings(['--profile', 'low-memory'], root), { parallel: 0, cache: false, ui: true, progress: 'auto', maxMemory: 512 * 1024 * 1024 });
    });
  });

  it('a typed flag wins over the preset, and cancels its opposite', () => {
    withTree({}, (root) => {
      assert.equal(settings(['--profile', 'low-memory', '--parallel', '2'], root).parallel, 2);
      assert.equal(settings(['--parallel', '2', '--profile', 'low-memory'], root).parallel, 2, 'order on the line does not matter');
      assert.equal(settings(['--profile', 'ci', '--no-cache'], root).cache, false);
      assert.equal(settings(['--profile', 'ci', '--sequential'], root).parallel, 0);
      assert.equal(settings(['--profile', 'ci', '--progress', 'ndjson'], root).progress, 'ndjson');
      assert.equal(settings(['--profile', 'low-memory', '--max-memory', '1GiB'], root).maxMemory, 1024 ** 3);
    });
  });

  it('the preset wins over the config file, which still supplies what the preset leaves alone', () => {
    withTree({ 'sonde.config.json': '{ "parallel": 1, "cache": false, "failOn": "warning" }\n' }, (root) => {
      const o = parseScanArgs(['--profile', 'ci'], root);
      assert.equal(o.scan.parallel, 'auto');
      assert.equal(o.scan.cache.enabled, true);
      assert.equal(o.failOn, 'warning');
      assert.equal(parseScanArgs([], root).scan.parallel, 1, 'without the profile, the config decides');
      assert.equal(parseScanArgs(['--profile', 'laptop', '--no-cache'], root).scan.cache.enabled, false);
    });
  });

  it('an unknown profile is a usage error with a suggestion', () => {
    withTree({}, (root) => {
      assert.throws(
        () => parseScanArgs(['--profile', 'lowmemory'], root),
        (error: unknown) => error instanceof UserError && /--profile lowmemory: expected one of ci, laptop, low-memory\. Did you mean 'low-memory'\?/.test(error.message),
      );
    });
  });
});
