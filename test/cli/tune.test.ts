/**
 * `sonde tune` end to end on a tiny real tree with a one-second budget (one
 * round of real child scans), and `--parallel auto` reading what it saved.
 */
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { parseByteSize } from '../../src/config/byte-size.js';
import { SCAN_BASE_BYTES } from '../../src/config/memory-budget.js';
import { currentMachine, loadTunedRecord, saveTunedRecord, sizeClassOf, tunedRecordPath } from '../../src/parallel/tuned-record.js';
import { fakeIO } from '../helpers/fake-io.js';
import { makeTempDir, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const TREE = {
  'sonde.config.json': '{\n  "exclude": ["gen/**"],\n  "failOn": "never"\n}\n',
  'src/a.ts': "import { b } from './b';\nexport function a(x: number): number {\n  return x > 1 ? b(x - 1) : x;\n}\n",
  'src/b.ts': "export function b(x: number): number {\n  return x * 2;\n}\n",
  'src/c.ts': 'export const c = [1, 2, 3].map((n) => n + 1);\n',
  'src/d.js': 'export function d(list) {\n  for (const x of list) if (x) return x;\n}\n',
};

/**
 * `sonde scan ROOT --format json` through runCli in this process, with
 * `cacheHome` as the private cache folder; returns the summary. The scan
 * reads the tuned record through the process environment (as a child would
 * inherit it), so XDG_CACHE_HOME is set here for the call.
 */
async function scanSummary(root: string, cacheHome: string, ...flags: string[]): Promise<{ strategy: string; workers: number }> {
  const saved = process.env.XDG_CACHE_HOME;
  process.env.XDG_CACHE_HOME = cacheHome;
  try {
    const run = fakeIO({ cwd: root, env: { XDG_CACHE_HOME: cacheHome } });
    const code = await runCli(['scan', root, '--format', 'json', '--progress', 'none', ...flags], run.io);
    assert.ok(code === 0 || code === 1, run.stderr);
    const { strategy, workers } = (JSON.parse(run.stdout) as { summary: { strategy: string; workers: number } }).summary;
    return { strategy, workers };
  } finally {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
  }
}

describe('sonde tune', () => {
  it('measures within a tiny budget, prints its evidence, saves the record and writes the config', async () => {
    const root = makeTempTree(TREE);
    const cacheHome = makeTempDir('sonde-tune-xdg-');
    const run = fakeIO({ cwd: root, env: { XDG_CACHE_HOME: cacheHome } });
    assert.equal(await runCli(['tune', '.', '--time-budget', '0.5', '--workers', '0,2', '--write'], run.io), 0, run.stderr);
    assert.match(run.stdout, /4 files, \d+ lines \(0–99 files\)/);
    assert.match(run.stdout, /workers: --parallel 0\n {2}parallel:2 vs sequential: too few runs \(1 and 1\) for a verdict/);
    assert.match(run.stdout, /cache: off\n {2}cache:warm vs sequential: too few runs/);
    assert.match(run.stdout, /memory: peak RSS [\d.]+ MiB .* → budget \d+\.0 MiB/);
    assert.match(run.stdout, /note: 1 round fit the budget; a verdict needs 3 runs a side\.\n {2}--time-budget \d+ would fit 3 rounds/);
    assert.match(run.stderr, /sequential round 1: .* peak RSS/);
    assert.match(run.stderr, /cache:warm filling the cache/);
    const record = loadTunedRecord(4, currentMachine(), { XDG_CACHE_HOME: cacheHome });
    assert.ok(record, 'the record is saved in the private cache folder');
    assert.equal(record.workers, 0);
    assert.equal(record.files, 4);
    assert.match(run.stdout, new RegExp(`saved for --parallel auto on this machine: ${tunedRecordPath(currentMachine(), sizeClassOf(4), { XDG_CACHE_HOME: cacheHome })}`));
    // --write kept the user's keys and added the choice.
    const written = JSON.parse(readFileSync(path.join(root, 'sonde.config.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(written, { exclude: ['gen/**'], failOn: 'never', parallel: 0, cache: false, maxMemory: written.maxMemory });
    assert.match(String(written.maxMemory), /^\d+MiB$/);
    assert.ok(parseByteSize(String(written.maxMemory))! >= SCAN_BASE_BYTES);
    removeTree(root);
    removeTree(cacheHome);
  });

  it('--write refuses a symlinked config before measuring anything', async () => {
    const root = makeTempTree(TREE);
    const outside = makeTempTree({ 'other.json': '{}\n' });
    const link = path.join(root, 'sonde.config.json');
    removeTree(link);
    symlinkSync(path.join(outside, 'other.json'), link);
    const cacheHome = makeTempDir('sonde-tune-xdg-');
    const run = fakeIO({ cwd: root, env: { XDG_CACHE_HOME: cacheHome } });
    assert.equal(await runCli(['tune', '--write', '--time-budget', '600'], run.io), 2);
    assert.match(run.stderr, /^sonde: cannot write the config file .*sonde\.config\.json: it is a symbolic link/);
    assert.doesNotMatch(run.stderr, /round|filling/, 'nothing was measured');
    assert.equal(readFileSync(path.join(outside, 'other.json'), 'utf8'), '{}\n');
    removeTree(root);
    removeTree(outside);
    removeTree(cacheHome);
  });

  it('Ctrl-C ends the tune with 130, saving and writing nothing; a missing folder is exit 2', async () => {
    const root = makeTempTree(TREE);
    const cacheHome = makeTempDir('sonde-tune-xdg-');
    const controller = new AbortController();
    const run = fakeIO({ cwd: root, env: { XDG_CACHE_HOME: cacheHome }, signal: controller.signal });
    run.io.stderr.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('filling the cache')) controller.abort();
    });
    assert.equal(await runCli(['tune', '--write', '--workers', '0,2', '--time-budget', '600'], run.io), 130);
    assert.match(run.stderr, /sonde: Tuning interrupted\.\n$/);
    assert.equal(loadTunedRecord(4, currentMachine(), { XDG_CACHE_HOME: cacheHome }), undefined);
    assert.equal(readFileSync(path.join(root, 'sonde.config.json'), 'utf8'), TREE['sonde.config.json']);
    const missing = fakeIO({ cwd: root });
    assert.equal(await runCli(['tune', 'nosuch', '--write'], missing.io), 2);
    assert.match(missing.stderr, /^sonde: No directory at .*nosuch\./);
    removeTree(root);
    removeTree(cacheHome);
  });

  it('--parallel auto uses a tuned record for this machine and size class, and ignores a malformed one', async () => {
    const root = makeTempTree(TREE);
    const cacheHome = makeTempDir('sonde-tune-xdg-');
    const env = { XDG_CACHE_HOME: cacheHome };
    const model = await scanSummary(root, cacheHome, '--parallel', 'auto');
    assert.deepEqual([model.strategy, model.workers], ['sequential', 0], 'without a record, the cost model keeps 4 files in-process');
    const machine = currentMachine();
    const tuned = {
      version: 1 as const,
      machine,
      sizeClass: sizeClassOf(4),
      files: 4,
      workers: 2,
      cache: false,
      maxMemoryBytes: null,
      tunedAt: new Date().toISOString(),
      toolVersion: '0.1.0',
    };
    if (machine.cores < 2) return; // a record may not ask for more workers than cores
    assert.ok('file' in saveTunedRecord(tuned, env));
    const summary = await scanSummary(root, cacheHome, '--parallel', 'auto');
    assert.equal(summary.strategy, 'parallel');
    assert.equal(summary.workers, 2);
    writeFileSync(tunedRecordPath(machine, sizeClassOf(4), env), JSON.stringify({ ...tuned, workers: 'all' }));
    assert.equal((await scanSummary(root, cacheHome, '--parallel', 'auto')).workers, 0, 'a malformed record is ignored');
    writeFileSync(tunedRecordPath(machine, sizeClassOf(4), env), JSON.stringify({ ...tuned, machine: { ...machine, cores: machine.cores + 1 }, workers: 2 }));
    assert.equal((await scanSummary(root, cacheHome, '--parallel', 'auto')).workers, 0, "another machine's record is ignored");
    removeTree(root);
    removeTree(cacheHome);
  });
});
