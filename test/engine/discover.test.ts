import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { discover } from '../../src/engine/discover.js';
import { suiteTrees } from '../helpers/temp-tree.js';

const defaults = { include: [], exclude: [] };

describe('discover', () => {
  const tree = suiteTrees();

  it('finds every source extension, sorted by code point, and nothing else', () => {
    const root = tree({
      'b.ts': '', 'a.tsx': '', 'c.mts': '', 'd.cts': '', 'e.js': '', 'f.jsx': '', 'g.mjs': '', 'h.cjs': '',
      'Z.ts': '', 'readme.md': '', 'data.json': '', 'types.d.ts': '',
    });
    const { files } = discover({ root, ...defaults });
    assert.deepEqual(
      files.map((file) => file.path),
      ['Z.ts', 'a.tsx', 'b.ts', 'c.mts', 'd.cts', 'e.js', 'f.jsx', 'g.mjs', 'h.cjs', 'types.d.ts'],
    );
  });

  it('skips node_modules, .git and .sonde at any depth', () => {
    const root = tree({
      'src/a.ts': '', 'node_modules/x/index.js': '', 'pkg/node_modules/y.js': '', '.git/hooks/h.js': '', '.sonde/x.js': '',
    });
    assert.deepEqual(discover({ root, ...defaults }).files.map((file) => file.path), ['src/a.ts']);
  });

  it('respects .gitignore files at every depth, relative to their folder, with negation', () => {
    const root = tree({
      '.gitignore': 'dist/\n*.gen.ts\n',
      'dist/out.js': '',
      'src/a.ts': '',
      'src/a.gen.ts': '',
      'src/lib/.gitignore': 'local.ts\n!keep.gen.ts\n',
      'src/lib/local.ts': '',
      'src/lib/keep.gen.ts': '',
      'src/lib/other.ts': '',
      'local.ts': '',
    });
    const paths = discover({ root, ...defaults }).files.map((file) => file.path);
    assert.deepEqual(paths, ['local.ts', 'src/a.ts', 'src/lib/keep.gen.ts', 'src/lib/other.ts']);
  });

  it('applies --include and --exclude globs', () => {
    const root = tree({ 'src/a.ts': '', 'src/a.test.ts': '', 'scripts/b.js': '' });
    assert.deepEqual(
      discover({ root, ...defaults, include: ['src/**'], exclude: ['**/*.test.ts'] }).files.map((file) => file.path),
      ['src/a.ts'],
    );
  });

  it('never follows symbolic links: loops and links out of the root are skipped with a reason', () => {
    const outside = tree({ 'secret.ts': 'export const s = 1;' });
    const root = tree({ 'src/a.ts': '' });
    symlinkSync(path.join(root, 'src'), path.join(root, 'src', 'loop'));
    symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'src', 'escape.ts'));
    mkdirSync(path.join(root, 'deep'));
    symlinkSync(path.join(root, 'deep', 'self.ts'), path.join(root, 'deep', 'self.ts.lnk'));
    symlinkSync('missing-target.ts', path.join(root, 'deep', 'broken.ts'));
    const result = discover({ root, ...defaults });
    assert.deepEqual(result.files.map((file) => file.path), ['src/a.ts']);
    const reasons = Object.fromEntries(result.skipped.map((skip) => [skip.path, skip.reason]));
    assert.match(reasons['src/escape.ts']!, /outside the root/);
    assert.match(reasons['deep/broken.ts']!, /cannot be resolved/);
    assert.match(reasons['src/loop']!, /symbolic link to src: not followed/);
  });

  it('lists a link to a folder in skipped, once, and never walks into it', () => {
    const root = tree({ 'pkg/src/a.ts': '', 'pkg/src/sub/b.ts': '' });
    symlinkSync(path.join(root, 'pkg', 'src', 'sub'), path.join(root, 'pkg', 'shared'));
    symlinkSync(path.join(root, 'pkg', 'src', 'a.ts'), path.join(root, 'pkg', 'a-link.ts'));
    const result = discover({ root, ...defaults });
    assert.deepEqual(result.files.map((file) => file.path), ['pkg/src/a.ts', 'pkg/src/sub/b.ts']);
    assert.deepEqual(
      result.skipped.map((skip) => [skip.path, skip.reason]),
      [
        ['pkg/a-link.ts', 'symbolic link to pkg/src/a.ts: not followed (the target is scanned at its own path)'],
        ['pkg/shared', 'symbolic link to pkg/src/sub: not followed (the target is scanned at its own path)'],
      ],
    );
  });

  it('returns nothing for an empty root', () => {
    const root = tree({});
    assert.deepEqual(discover({ root, ...defaults }), { files: [], skipped: [] });
  });
});
