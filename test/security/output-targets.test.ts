/**
 * Output targets the user names (-o, --export-*, baselines): a device, a FIFO
 * or a symbolic link is written through, never replaced by a regular file;
 * an unwritable path is a one-line error and exit 2 before any work.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkBaselineTarget } from '../../src/bench/results/baseline.js';
import { runCli } from '../../src/cli.js';
import { UserError } from '../../src/errors.js';
import { checkOutputTarget, writeOutput } from '../../src/util/output-target.js';
import { fakeIO } from '../helpers/fake-io.js';
import { FIXTURES, REPO_ROOT, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const BIN = path.join(REPO_ROOT, 'bin', 'sonde.js');
const BASIC = path.join(FIXTURES, 'basic');

function sonde(args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: 'true' },
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * The same through runCli in this process: what a target gets and the exit
 * code are runCli's; a child (~0.4 s of CPU each) is kept for /dev/stdout,
 * which only a process has.
 */
async function sondeIn(args: string[]) {
  const run = fakeIO({ cwd: REPO_ROOT, env: { ...(process.env as Record<string, string>), NO_COLOR: '1', CI: 'true' } });
  const code = await runCli(args, run.io);
  return { code, stdout: run.stdout, stderr: run.stderr };
}

const mkfifo = (file: string) => assert.equal(spawnSync('mkfifo', [file]).status, 0, 'mkfifo failed');

describe('output targets', () => {
  const dir = makeTempTree({ 'real.json': 'old', 'a-file': 'x' }, 'sonde-output-');
  after(() => removeTree(dir));

  it('-o FIFO writes through to the reader and leaves the FIFO in place', async () => {
    const fifo = path.join(dir, 'report.fifo');
    mkfifo(fifo);
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const run = await sondeIn(['scan', BASIC, '--no-cache', '--format', 'json', '--progress', 'none', '-o', fifo]);
    await closed;
    assert.equal(run.code, 0, run.stderr);
    assert.ok(lstatSync(fifo).isFIFO(), 'the FIFO was replaced');
    assert.equal(JSON.parse(received).summary.files, 6);
  });

  it('-o SYMLINK writes into the link target and keeps the link', async () => {
    const link = path.join(dir, 'link.json');
    symlinkSync('real.json', link);
    const run = await sondeIn(['scan', BASIC, '--no-cache', '--format', 'json', '--progress', 'none', '-o', link]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link was replaced');
    assert.equal(JSON.parse(readFileSync(path.join(dir, 'real.json'), 'utf8')).summary.files, 6);
  });

  it('-o /dev/stdout prints the report on stdout', () => {
    const run = sonde(['scan', BASIC, '--no-cache', '--format', 'json', '--progress', 'none', '-o', '/dev/stdout']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).summary.files, 6);
    assert.ok(lstatSync('/dev/stdout').isSymbolicLink() || lstatSync('/dev/stdout').isCharacterDevice());
  });

  it('a regular file is replaced atomically and no temporary file is left', async () => {
    const file = path.join(dir, 'out', 'nested', 'r.json');
    const run = await sondeIn(['scan', BASIC, '--no-cache', '--format', 'json', '--progress', 'none', '-o', file]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(lstatSync(file).isFile());
    assert.deepEqual(readdirSync(path.dirname(file)), ['r.json']);
  });

  for (const [name, target] of [
    ['a directory', () => dir],
    ['a path below a regular file', () => path.join(dir, 'a-file', 'r.json')],
    ['a path under /proc', () => '/proc/sonde-nope/r.json'],
  ] as const) {
    it(`-o ${name}: one line, exit 2, before the scan starts (no cache file)`, async () => {
      const cache = path.join(dir, `cache-${name.replaceAll(' ', '-').replaceAll('/', '')}.sqlite`);
      const run = await sondeIn(['scan', BASIC, '--cache', '--cache-location', cache, '-o', target()]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^sonde: cannot write the report .+\n$/);
      assert.doesNotMatch(run.stderr, /internal error|scanning/);
      assert.equal(existsSync(cache), false, 'the scan ran before the check');
    });
  }

  it('bench --export-json into a directory: one line, exit 2, before the benchmark', async () => {
    const run = await sondeIn(['bench', BASIC, '--no-ui', '--runs', '2', '--export-json', dir]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^sonde: cannot write --export-json .+: it is a directory\.\n$/);
  });

  it('bench --compare with an unknown baseline fails before the benchmark', async () => {
    const run = await sondeIn(['bench', BASIC, '--no-ui', '--runs', '2', '--baseline-dir', dir, '--compare', 'nope']);
    assert.equal(run.code, 2);
    assert.doesNotMatch(run.stderr, /sequential|internal error/);
    assert.match(run.stderr, /No baseline named 'nope'/);
  });

  it('a write that fails later is a one-line UserError, not a crash', () => {
    const link = path.join(dir, 'full');
    symlinkSync('/dev/full', link);
    const target = checkOutputTarget(link, '--export-csv');
    assert.equal(target.mode, 'through');
    assert.throws(
      () => writeOutput(target, 'x'.repeat(100_000)),
      (error: unknown) => error instanceof UserError && /^could not write --export-csv .*full: ENOSPC/.test(error.message) && !error.message.includes('\n'),
    );
  });

  it('the default baseline folder inside the scanned root never follows a committed .sonde link', () => {
    const root = path.join(dir, 'repo');
    const outside = path.join(dir, 'outside');
    mkdirSync(root);
    mkdirSync(outside);
    symlinkSync(outside, path.join(root, '.sonde'));
    const baselines = path.join(root, '.sonde', 'baselines');
    assert.throws(() => checkBaselineTarget(baselines, 'v1', false, root), /symbolic link/);
    // A folder the user names is theirs to point anywhere.
    writeFileSync(path.join(outside, 'marker'), '');
    assert.equal(checkBaselineTarget(baselines, 'v1', true, root).mode, 'replace');
  });
});
