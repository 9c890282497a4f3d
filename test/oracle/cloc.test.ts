/**
 * Oracle: `cloc --by-file` 1.96 (Debian). Per-file code/comment/blank must be
 * equal for every file of the corpus. Skipped when cloc is not installed
 * (outside CI).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { countLines } from '../../src/analysis/lines.js';
import { requireProgram } from '../helpers/require-program.js';
import { ROOT, corpus, newAgreement, printAgreement } from './oracle-setup.js';

const skip = requireProgram('cloc');

interface ClocEntry {
  readonly blank: number;
  readonly comment: number;
  readonly code: number;
}

describe('oracle: cloc --by-file', { skip }, () => {
  it('agrees on code, comment and blank lines of every corpus file', () => {
    const clocVersion = spawnSync('cloc', ['--version'], { encoding: 'utf8' });
    assert.equal(clocVersion.stdout.trim(), '1.96', 'the oracle is cloc 1.96');
    const files = corpus();
    // --skip-uniqueness: cloc otherwise drops files with identical content.
    const output = execFileSync('cloc', ['--by-file', '--json', '--quiet', '--skip-uniqueness', ...files.map((f) => f.path)], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(output) as Record<string, ClocEntry>;
    const agreement = newAgreement();
    for (const file of files) {
      const expected = report[file.path] ?? report[path.join(ROOT, file.path)];
      assert.ok(expected !== undefined, `cloc did not count ${file.path}`);
      const actual = countLines(file.text);
      agreement.files++;
      agreement.compared++;
      const same = actual.code === expected.code && actual.comment === expected.comment && actual.blank === expected.blank;
      if (same) agreement.matches++;
      else agreement.mismatches.push(`${file.path}: cloc ${JSON.stringify(expected)}, sonde ${JSON.stringify(actual)}`);
      assert.equal(actual.lines, actual.code + actual.comment + actual.blank);
    }
    printAgreement('cloc', 'files', agreement);
    assert.ok(agreement.files >= 496, `corpus too small: ${agreement.files}`);
    assert.deepEqual(agreement.mismatches, []);
  });
});
