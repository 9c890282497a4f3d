import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { GROUND_TRUTH_FILE, PROJECT_SIZES, generateProject, type GroundTruth } from '../../src/generate/index.js';
import { makeTempDir } from '../helpers/temp-tree.js';

function tempDir(): string {
  return makeTempDir('sonde-gen-');
}

function treeHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else hash.update(relative(root, abs)).update('\0').update(readFileSync(abs)).update('\0');
    }
  };
  walk(root);
  return hash.digest('hex');
}

test('same seed and size give the same bytes; another seed gives another tree', () => {
  const [a, b, c] = [tempDir(), tempDir(), tempDir()];
  try {
    const ta = generateProject({ size: 60, seed: 42, outDir: a });
    const tb = generateProject({ size: 60, seed: 42, outDir: b });
    generateProject({ size: 60, seed: 43, outDir: c });
    assert.equal(treeHash(a), treeHash(b));
    assert.notEqual(treeHash(a), treeHash(c));
    assert.deepEqual(ta, tb);
  } finally {
    for (const d of [a, b, c]) rmSync(d, { recursive: true, force: true });
  }
});

test('named sizes map to the documented file counts', () => {
  assert.deepEqual(PROJECT_SIZES, { small: 200, medium: 2_000, large: 20_000, xl: 100_000 });
  assert.throws(() => generateProject({ size: 0, seed: 1, outDir: join(tmpdir(), 'never-written') }), RangeError);
});

test('a small project: 200 files, a TS/TSX/JS mix, log-normal sizes, project files and a manifest that matches the tree', () => {
  const dir = tempDir();
  try {
    const truth = generateProject({ size: 'small', seed: 7, outDir: dir });
    assert.equal(truth.files.length, 200);
    assert.equal(truth.totals.files, 200);
    for (const name of ['package.json', 'tsconfig.json']) JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const written = JSON.parse(readFileSync(join(dir, GROUND_TRUTH_FILE), 'utf8')) as GroundTruth;
    assert.deepEqual(written, truth);

    const share = (lang: string) => truth.files.filter((f) => f.language === lang).length / truth.files.length;
    assert.ok(share('ts') > 0.45 && share('ts') < 0.75, `ts share ${share('ts')}`);
    assert.ok(share('tsx') > 0.07 && share('tsx') < 0.25, `tsx share ${share('tsx')}`);
    assert.ok(share('js') > 0.15 && share('js') < 0.35, `js share ${share('js')}`);

    const sizes = truth.files.map((f) => f.lines).sort((x, y) => x - y);
    const medianLines = sizes[sizes.length >> 1];
    // Log-normal: a long right tail, so the largest file is many times the median.
    assert.ok(medianLines > 30 && medianLines < 200, `median ${medianLines}`);
    assert.ok(sizes[sizes.length - 1] > 3 * medianLines);

    let lines = 0;
    let functions = 0;
    for (const f of truth.files) {
      const text = readFileSync(join(dir, f.path), 'utf8');
      assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'), f.path);
      const physical = text.split('\n').length - 1;
      assert.equal(f.lines, physical, f.path);
      assert.equal(f.code + f.comment + f.blank, f.lines, f.path);
      const blank = text.split('\n').slice(0, -1).filter((l) => l.trim() === '').length;
      assert.equal(f.blank, blank, f.path);
      assert.ok(f.functions.every((fn, i) => i === 0 || f.functions[i - 1].line <= fn.line), 'functions sorted by line');
      assert.ok(f.functions.every((fn) => fn.line >= 1 && fn.line <= f.lines && fn.cyclomatic >= 1));
      lines += f.lines;
      functions += f.functions.length;
      if (f.language === 'tsx') assert.match(text, /<section className=/);
      if (f.language === 'js') assert.doesNotMatch(text, /: number|interface /, `${f.path} has TS syntax`);
      // Relative imports follow the NodeNext convention and point at generated files.
      for (const m of text.matchAll(/from '(\.[^']+)'/g)) {
        assert.ok(m[1].endsWith('.js'), `${f.path}: ${m[1]}`);
        const stem = posix.join(dirname(f.path), m[1]).replace(/\.js$/, '');
        assert.ok(['.ts', '.tsx', '.js'].some((ext) => existsSync(join(dir, stem + ext))), `${f.path}: ${m[1]} resolves`);
      }
    }
    assert.equal(truth.totals.lines, lines);
    assert.equal(truth.totals.functions, functions);
    assert.ok(truth.cycles.length >= 2);
    assert.ok(truth.cycles.every((c) => c.length >= 2 && c.every((p, i) => i === 0 || c[i - 1] < p)));
    assert.ok(truth.unusedExports.length > 0);
    assert.ok(truth.unusedExports.every((u) => u.line >= 1 && truth.files.some((f) => f.path === u.path)));
    // Every branch kind appears somewhere.
    const all = truth.files.map((f) => readFileSync(join(dir, f.path), 'utf8')).join('\n');
    for (const needle of ['} else if (', ' ? ', ' && ', ' || ', ' ?? ', '&&=', '||=', '??=', 'for (let ', ' in options)', ' of items)', 'while (', 'do {', 'case ', 'default:', 'catch (error)', '?.(', '?.', ' = {})', 'get size()', 'set size(', 'constructor(', 'static {', '/**', '// ', 'import type {']) {
      assert.ok(all.includes(needle), `no ${needle}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
