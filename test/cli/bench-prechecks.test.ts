/**
 * `sonde bench` checks everything before measuring anything: a bad strategy,
 * a missing `--compare` baseline, an unwritable export, a bad reference or a
 * missing target fail at once, exit 2, with a `sonde:` line and no stack;
 * the measurement (injected here) is never started.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createBenchCommand } from '../../src/cli/commands/bench.js';
import { runCli } from '../../src/cli.js';
import { isUserError } from '../../src/errors.js';
import { makeTinyTree, tempDir } from '../bench/helpers.js';
import { fakeIO } from '../helpers/fake-io.js';
import { removeTree } from '../helpers/temp-tree.js';

test('bad arguments are caught before any run, each as one UserError', async () => {
  const root = makeTinyTree();
  const out = tempDir();
  const readOnly = path.join(out, 'ro');
  fs.mkdirSync(readOnly, { mode: 0o500 });
  fs.writeFileSync(path.join(out, 'a-file'), '');
  let measured = 0;
  const command = createBenchCommand({
    runBench: async () => {
      measured += 1;
      throw new Error('must not be reached');
    },
  });
  const cases: [string[], RegExp][] = [
    [['-s', 'sequential,paralel:2'], /Unknown strategy 'paralel:2'/],
    [['-s', 'parallel:0'], /positive integer/],
    [['-s', 'sequential', '--reference', 'cache:warm'], /reference strategy 'cache:warm' is not among/],
    [['--compare', 'nosuch'], /No baseline named 'nosuch'/],
    [['--export-json', path.join(out, 'a-file', 'r.json')], /--export-json/],
    [['--export-html', out], /--export-html/],
    [['--min-runs', '9', '--max-runs', '3'], /--max-runs \(3\) is below --min-runs \(9\)/],
  ];
  // Root ignores mode bits: the read-only case only means something for other users.
  if (process.getuid?.() !== 0) cases.push([['--export-csv', path.join(readOnly, 'r.csv')], /--export-csv/]);
  try {
    for (const [args, message] of cases) {
      const { io } = fakeIO({ cwd: out });
      await assert.rejects(command(['bench', root, ...args].slice(1), io), (error: unknown) => {
        assert.ok(isUserError(error), `${args.join(' ')}: ${String(error)}`);
        assert.match((error as Error).message, message, args.join(' '));
        return true;
      });
    }
    await assert.rejects(command([path.join(out, 'missing')], fakeIO({ cwd: out }).io), /No directory at/);
    assert.equal(measured, 0, 'nothing was measured');
  } finally {
    fs.chmodSync(readOnly, 0o700);
    removeTree(root);
    removeTree(out);
  }
});

test('through runCli: exit 2, a sonde: headline, no stack trace', async () => {
  const root = makeTinyTree();
  try {
    for (const args of [['-s', 'warm'], ['--compare', 'nosuch']]) {
      const run = fakeIO({ cwd: root });
      const code = await runCli(['bench', root, ...args], run.io);
      assert.equal(code, 2, args.join(' '));
      const lines = run.stderr.trimEnd().split('\n');
      assert.match(lines[0], /^sonde: (Unknown strategy 'warm'|No baseline named 'nosuch')/);
      assert.ok(lines.length <= 2 && lines.every((l) => !/^\s+at /.test(l)), run.stderr);
      assert.equal(run.stdout, '');
    }
  } finally {
    removeTree(root);
  }
});
