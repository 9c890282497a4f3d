// The generator's expected cyclomatic complexity checked against the oracle the
// design names: ESLint's core `complexity` rule (classic) with @typescript-eslint/parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { generateProject } from '../../src/generate/index.js';

/** ESLint's "Method 'x'" / "Arrow function" / "Constructor" → the name the manifest uses. */
function manifestName(described: string): string {
  if (described === 'Class field initializer') return '<class field initializer>';
  if (described === 'Class static block') return '<class static block>';
  if (described === 'Constructor') return 'constructor';
  return /'([^']+)'$/.exec(described)?.[1] ?? '<anonymous>';
}

test('ESLint complexity agrees with the ground truth on every function (line, cyclomatic, name)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sonde-gen-eslint-'));
  try {
    const truth = generateProject({ size: 80, seed: 11, outDir: dir });
    const linter = new Linter({ configType: 'flat' });
    const config = [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.js'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: { complexity: ['error', 0] as ['error', number] },
      },
    ];
    let compared = 0;
    for (const file of truth.files) {
      const messages = linter.verify(readFileSync(join(dir, file.path), 'utf8'), config, { filename: file.path });
      const actual = messages
        .map((m) => {
          const match = /^(.*) has a complexity of (\d+)\./.exec(m.message);
          assert.ok(match, `${file.path}:${m.line}: ${m.message}`);
          return `${m.line}:${match[2]}:${manifestName(match[1])}`;
        })
        .sort();
      const expected = file.functions.map((f) => `${f.line}:${f.cyclomatic}:${f.name}`).sort();
      assert.deepEqual(actual, expected, file.path);
      compared += expected.length;
    }
    assert.ok(compared > 500, `only ${compared} functions compared`);
    assert.ok(truth.files.some((f) => f.functions.some((fn) => fn.cyclomatic >= 8)), 'some functions are complex');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
