import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCommand } from '../../src/cli/commands/generate.js';
import { UserError } from '../../src/errors.js';
import { fakeIO } from '../helpers/fake-io.js';

test('sonde generate writes the project and prints a one-line summary', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'sonde-gen-cli-'));
  try {
    const io = fakeIO({ cwd });
    assert.equal(await generateCommand(['--size', '12', '--seed', '3', '--out', 'proj'], io.io), 0);
    assert.ok(existsSync(join(cwd, 'proj', 'sonde-ground-truth.json')));
    assert.ok(existsSync(join(cwd, 'proj', 'src', 'main.ts')));
    assert.match(io.stdout, /^Generated 12 files, \d+ lines, \d+ functions \(\d+ import cycles, \d+ unused exports\) in .*proj in [\d.]+s \(seed 3\)\n$/);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test('sonde generate refuses a non-empty folder unless --force, and bad sizes or seeds', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'sonde-gen-cli-'));
  try {
    writeFileSync(join(cwd, 'keep.txt'), 'mine');
    const io = fakeIO({ cwd });
    await assert.rejects(generateCommand(['--size', '5', '--out', '.'], io.io), (e: unknown) => e instanceof UserError && e.code === 'OUT_NOT_EMPTY');
    assert.ok(!existsSync(join(cwd, 'src')), 'nothing written');
    assert.equal(await generateCommand(['--size', '5', '--out', '.', '--force'], io.io), 0);
    assert.ok(existsSync(join(cwd, 'keep.txt')) && existsSync(join(cwd, 'src', 'main.ts')));
    for (const argv of [['--size', 'huge', '--out', 'x'], ['--size', '0', '--out', 'x'], ['--size', '5', '--seed', '-1', '--out', 'x'], ['--size', '5'], ['--out', 'x']]) {
      await assert.rejects(generateCommand(argv, io.io), (e: unknown) => e instanceof UserError && e.code === 'INVALID_OPTION', argv.join(' '));
    }
    const help = fakeIO({ cwd });
    assert.equal(await generateCommand(['--help'], help.io), 0);
    assert.match(help.stdout, /--size S/);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
