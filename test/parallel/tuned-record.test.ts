import assert from 'node:assert/strict';
import { chmodSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { decideWorkers, SEQUENTIAL_BYTES_PER_MS } from '../../src/parallel/auto.js';
import {
  currentMachine,
  loadTunedRecord,
  saveTunedRecord,
  sizeClassOf,
  tunedRecordPath,
  type MachineKey,
  type TunedRecord,
} from '../../src/parallel/tuned-record.js';
import { makeTempDir, removeTree } from '../helpers/temp-tree.js';

const MACHINE: MachineKey = { cpuModel: 'Test CPU @ 3 GHz', cores: 4, totalMemoryBytes: 8 * 1024 ** 3 };

function record(overrides: Partial<TunedRecord> = {}): TunedRecord {
  return {
    version: 1,
    machine: MACHINE,
    sizeClass: sizeClassOf(1500),
    files: 1500,
    workers: 2,
    cache: true,
    maxMemoryBytes: 512 * 1024 * 1024,
    tunedAt: '2026-12-05T07:00:00.000Z',
    toolVersion: '0.1.0',
    ...overrides,
  };
}

/** A private cache folder of its own (XDG_CACHE_HOME), removed afterwards. */
function withCacheHome(test: (env: { XDG_CACHE_HOME: string }) => void): void {
  const home = makeTempDir('sonde-tuned-');
  try {
    test({ XDG_CACHE_HOME: home });
  } finally {
    removeTree(home);
  }
}

describe('tuned records', () => {
  it('size classes step by about ×3 and cover every count', () => {
    assert.deepEqual(sizeClassOf(0), { min: 0, max: 99 });
    assert.deepEqual(sizeClassOf(99), { min: 0, max: 99 });
    assert.deepEqual(sizeClassOf(100), { min: 100, max: 299 });
    assert.deepEqual(sizeClassOf(1255), { min: 1000, max: 2999 });
    assert.deepEqual(sizeClassOf(20_000), { min: 10_000, max: 29_999 });
    assert.deepEqual(sizeClassOf(5_000_000), { min: 100_000, max: null });
  });

  it('saves a record that loads back for the same machine and size class only', () => {
    withCacheHome((env) => {
      const saved = saveTunedRecord(record(), env);
      assert.ok('file' in saved, JSON.stringify(saved));
      assert.equal(path.dirname(saved.file), path.join(env.XDG_CACHE_HOME, 'sonde', 'tuned'));
      assert.deepEqual(loadTunedRecord(1000, MACHINE, env), record());
      assert.deepEqual(loadTunedRecord(2999, MACHINE, env)?.workers, 2);
      assert.equal(loadTunedRecord(3000, MACHINE, env), undefined, 'another size class');
      assert.equal(loadTunedRecord(1500, { ...MACHINE, cores: 8 }, env), undefined, 'another machine');
      assert.equal(loadTunedRecord(1500, { ...MACHINE, cpuModel: 'Other' }, env), undefined, 'another CPU');
    });
  });

  it('ignores a record of the wrong shape, or one filed under another key', () => {
    withCacheHome((env) => {
      const file = tunedRecordPath(MACHINE, sizeClassOf(1500), env);
      const bad: unknown[] = [
        'not json',
        [],
        null,
        { ...record(), version: 2 },
        { ...record(), workers: 5 }, // more than the 4 cores
        { ...record(), workers: -1 },
        { ...record(), workers: 1.5 },
        { ...record(), workers: '2' },
        { ...record(), cache: 'yes' },
        { ...record(), maxMemoryBytes: -5 },
        { ...record(), machine: { ...MACHINE, cores: 2 } }, // copied from another machine
        { ...record(), sizeClass: { min: 0, max: 99 } },
        { ...record(), tunedAt: 7 },
      ];
      saveTunedRecord(record(), env);
      assert.equal(loadTunedRecord(1500, MACHINE, env)?.workers, 2, 'the good one loads');
      for (const value of bad) {
        writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
        assert.equal(loadTunedRecord(1500, MACHINE, env), undefined, JSON.stringify(value));
      }
      writeFileSync(file, JSON.stringify({ ...record(), padding: 'x'.repeat(20_000) }));
      assert.equal(loadTunedRecord(1500, MACHINE, env), undefined, 'an oversized file is not read');
    });
  });

  it('follows no link and trusts no folder that others can write', () => {
    withCacheHome((env) => {
      const file = tunedRecordPath(MACHINE, sizeClassOf(1500), env);
      const elsewhere = path.join(env.XDG_CACHE_HOME, 'elsewhere.json');
      saveTunedRecord(record(), env);
      writeFileSync(elsewhere, readFileSync(file));
      removeTree(file);
      symlinkSync(elsewhere, file);
      assert.equal(loadTunedRecord(1500, MACHINE, env), undefined, 'a symlinked record');
      const before = readFileSync(elsewhere, 'utf8');
      const refused = saveTunedRecord(record({ workers: 4 }), env);
      assert.ok('problem' in refused && /symbolic link/.test(refused.problem), JSON.stringify(refused));
      assert.equal(readFileSync(elsewhere, 'utf8'), before, 'nothing was written through the link');
      chmodSync(path.dirname(file), 0o777);
      assert.equal(loadTunedRecord(1500, MACHINE, env), undefined, 'a world-writable folder');
      const saved = saveTunedRecord(record(), env);
      assert.ok('problem' in saved && /written by group or others/.test(saved.problem), JSON.stringify(saved));
      chmodSync(path.dirname(file), 0o700);
    });
  });

  it('loading never creates the cache folder', () => {
    const home = makeTempDir('sonde-tuned-');
    const env = { XDG_CACHE_HOME: path.join(home, 'absent') };
    assert.equal(loadTunedRecord(10, currentMachine(), env), undefined);
    assert.throws(() => readFileSync(env.XDG_CACHE_HOME), /ENOENT/);
    removeTree(home);
  });
});

describe('decideWorkers with a tuned record', () => {
  const work = { files: 1500, bytes: 4.6e6 };
  it('auto takes the tuned count over the cost model; a fixed setting ignores it', () => {
    assert.equal(decideWorkers('auto', work, 2), 0, 'the model keeps rxjs-sized work in-process on 2 cores');
    assert.equal(decideWorkers('auto', work, 2, { workers: 2 }), 2);
    assert.equal(decideWorkers('auto', { files: 5000, bytes: 1000 * SEQUENTIAL_BYTES_PER_MS * 60 }, 8, { workers: 0 }), 0);
    assert.equal(decideWorkers(4, work, 2, { workers: 2 }), 4);
    assert.equal(decideWorkers(0, work, 2, { workers: 2 }), 0);
  });

  it('never starts more workers than files', () => {
    assert.equal(decideWorkers('auto', { files: 3, bytes: 100 }, 16, { workers: 8 }), 3);
    assert.equal(decideWorkers('auto', { files: 1, bytes: 100 }, 16, { workers: 8 }), 0);
  });
});

