/**
 * A hostile `.gitignore`: 100,000 rules must not make discovery superlinear
 * (the `ignore` package took 108 s and 480 MB), and splitting rules into hash
 * lookups and globs must keep git's semantics — checked against git itself.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { discover } from '../../src/engine/discover.js';
import { GitignoreRules } from '../../src/engine/gitignore.js';
import { makeTempTree, removeTree } from '../helpers/temp-tree.js';

const hasGit = spawnSync('git', ['--version']).status === 0;

describe('.gitignore at scale', () => {
  const roots: string[] = [];
  after(() => roots.forEach(removeTree));

  it('100,000 rules over 2,000 files are discovered in well under 10 s', () => {
    const root = makeTempTree({}, 'sonde-gitignore-');
    roots.push(root);
    for (let i = 0; i < 2000; i += 1) {
      const dir = path.join(root, `pkg${i % 40}`, `mod${i % 7}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `file${i}.ts`), '');
    }
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const kind = i % 10;
      if (kind < 5) lines.push(`ignored-name-${i}.ts`);
      else if (kind < 7) lines.push(`/pkg${i % 40}/gone-${i}/`);
      else if (kind < 9) lines.push(`pkg${i % 40}/mod${i % 7}/nothing${i}.js`);
      else lines.push(`*.gen${i}`);
    }
    lines.push('file1.ts', '/pkg3/', 'pkg5/**/file5*.ts', ...Array.from({ length: 50_000 }, () => 'file2.ts'));
    writeFileSync(path.join(root, '.gitignore'), lines.join('\n'));
    const started = performance.now();
    const found = discover({ root, include: [], exclude: [] }).files.map((f) => f.path);
    const seconds = (performance.now() - started) / 1000;
    assert.ok(seconds < 10, `discovery took ${seconds.toFixed(1)} s`);
    // The rules still apply: pkg3 is gone, file1.ts and file2.ts are gone, pkg5's file5*.ts are gone.
    assert.equal(found.some((p) => p.startsWith('pkg3/')), false);
    assert.equal(found.some((p) => p.endsWith('/file1.ts') || p.endsWith('/file2.ts')), false);
    assert.equal(found.some((p) => /^pkg5\/.*\/file5[^/]*\.ts$/.test(p)), false);
    assert.ok(found.length > 1800, `${found.length} files`);
  });

  it('literal and glob rules mix in file order: the last match wins', () => {
    const rules = new GitignoreRules(['*.ts', '!keep.ts', 'keep.ts', '!*.keep.ts', 'a.keep.ts', '/top.ts', 'dir/', '!dir/'].join('\n'));
    assert.equal(rules.test('x.ts'), 'ignored');
    assert.equal(rules.test('keep.ts'), 'ignored', 'a later literal beats an earlier negation');
    assert.equal(rules.test('b.keep.ts'), 'unignored', 'a later negated glob beats an earlier glob');
    assert.equal(rules.test('a.keep.ts'), 'ignored', 'a later literal beats an earlier negated glob');
    assert.equal(rules.test('sub/keep.ts'), 'ignored');
    assert.equal(rules.test('top.js'), undefined);
    assert.equal(rules.test('dir/x.js'), undefined, '!dir/ re-includes the folder');
  });

  it('anchoring, folder-only rules and ** behave as in git', () => {
    const rules = new GitignoreRules(['/root-only.js', 'build/', 'docs/*.md', 'logs/**', '**/tmp', 'a/**/z.js', 'x[0-9].js', 'name with space\\ '].join('\n'));
    assert.equal(rules.test('root-only.js'), 'ignored');
    assert.equal(rules.test('sub/root-only.js'), undefined);
    assert.equal(rules.test('build'), undefined, 'build/ matches folders only');
    assert.equal(rules.test('src/build/out.js'), 'ignored');
    assert.equal(rules.test('docs/a.md'), 'ignored');
    assert.equal(rules.test('docs/sub/a.md'), undefined);
    assert.equal(rules.test('logs/deep/x.log'), 'ignored');
    assert.equal(rules.test('deep/tmp/x.js'), 'ignored');
    assert.equal(rules.test('a/z.js'), 'ignored');
    assert.equal(rules.test('a/b/c/z.js'), 'ignored');
    assert.equal(rules.test('x7.js'), 'ignored');
    assert.equal(rules.test('xa.js'), undefined);
    assert.equal(rules.test('name with space '), 'ignored');
    assert.equal(rules.test('Root-Only.js'), undefined, 'case-sensitive, as git on Linux');
  });

  it('agrees with git check-ignore on a tree with nested .gitignore files', { skip: !hasGit && 'git is not installed' }, () => {
    const files: Record<string, string> = {
      '.gitignore': ['*.gen.ts', '!keep.gen.ts', 'dist/', '/only-top.ts', 'lib/**/deep.ts', 'secret-*.ts', 'x?.ts', 'y[ab].ts', '!ya.ts'].join('\n'),
      'src/.gitignore': ['local.ts', '!*.local.ts', 'nested/', '/anchored.ts'].join('\n'),
    };
    const paths = [
      'a.ts', 'a.gen.ts', 'keep.gen.ts', 'src/keep.gen.ts', 'dist/x.ts', 'src/dist/x.ts', 'only-top.ts', 'src/only-top.ts',
      'lib/deep.ts', 'lib/a/b/deep.ts', 'secret-1.ts', 'src/secret-2.ts', 'x1.ts', 'x12.ts', 'ya.ts', 'yb.ts', 'yc.ts',
      'src/local.ts', 'src/lib/local.ts', 'src/a.local.ts', 'local.ts', 'src/nested/n.ts', 'nested/n.ts', 'src/anchored.ts',
      'src/sub/anchored.ts', 'anchored.ts',
    ];
    for (const p of paths) files[p] = '';
    const root = makeTempTree(files, 'sonde-gitignore-git-');
    roots.push(root);
    assert.equal(spawnSync('git', ['init', '-q', root]).status, 0);
    const check = spawnSync('git', ['-C', root, 'check-ignore', '--no-index', '--stdin'], { input: paths.join('\n'), encoding: 'utf8' });
    const ignoredByGit = new Set(check.stdout.split('\n').filter(Boolean));
    const found = new Set(discover({ root, include: [], exclude: [] }).files.map((f) => f.path));
    const disagreements = paths.filter((p) => found.has(p) === ignoredByGit.has(p));
    assert.deepEqual(disagreements, []);
    assert.ok(ignoredByGit.size >= 10, 'the fixture must exercise the rules');
  });
});
