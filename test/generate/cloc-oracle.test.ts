// The manifest's code / comment / blank split against cloc, the oracle the design names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProject } from '../../src/generate/index.js';
import { requireProgram } from '../helpers/require-program.js';

test('cloc --by-file counts the same code, comment and blank lines', { skip: requireProgram('cloc') }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sonde-gen-cloc-'));
  try {
    const truth = generateProject({ size: 60, seed: 9, outDir: dir });
    const report = JSON.parse(execFileSync('cloc', ['--by-file', '--json', '--quiet', 'src'], { cwd: dir, encoding: 'utf8' })) as Record<
      string,
      { code: number; comment: number; blank: number }
    >;
    for (const file of truth.files) {
      const counted = report[file.path];
      assert.ok(counted, `cloc did not count ${file.path}`);
      assert.deepEqual([counted.code, counted.comment, counted.blank], [file.code, file.comment, file.blank], file.path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
