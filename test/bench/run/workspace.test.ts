import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createWorkspace, listSourceFiles, PartialChanger } from '../../../src/bench/run/workspace.js';
import { makeTinyTree, treeDigest } from '../helpers.js';

test('copyTree copies sources but not .git, node_modules or .sonde, and leaves the original untouched', () => {
  const root = makeTinyTree();
  fs.mkdirSync(path.join(root, 'node_modules/dep'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules/dep/index.js'), 'x');
  fs.mkdirSync(path.join(root, '.git'));
  fs.writeFileSync(path.join(root, '.git/HEAD'), 'ref');
  const before = treeDigest(root);
  const ws = createWorkspace();
  try {
    const copy = ws.copyTree(root, 'cache:partial:10');
    assert.equal(ws.copyTree(root, 'cache:partial:10'), copy, 'one copy per label');
    assert.deepEqual(listSourceFiles(copy), listSourceFiles(root));
    assert.equal(fs.existsSync(path.join(copy, 'node_modules')), false);
    assert.equal(fs.existsSync(path.join(copy, '.git')), false);
    assert.equal(fs.readFileSync(path.join(copy, '.gitignore'), 'utf8'), 'dist/\n');
    assert.ok(ws.cachePath('cache:warm').startsWith(ws.dir));
    // A state folder is fresh, private and empty; discard removes it and a cache file with its side files, nothing outside.
    const home = ws.stateDir('cache:cold');
    assert.ok(home.startsWith(ws.dir) && fs.readdirSync(home).length === 0);
    assert.equal((fs.statSync(home).mode & 0o777).toString(8), '700');
    assert.notEqual(ws.stateDir('cache:cold'), home);
    const cacheFile = ws.cachePath('cache:cold');
    for (const f of [cacheFile, `${cacheFile}-wal`]) fs.writeFileSync(f, 'x');
    fs.writeFileSync(path.join(home, 'blob'), 'x');
    ws.discard(home, cacheFile, null, root);
    assert.deepEqual([home, cacheFile, `${cacheFile}-wal`].map((p) => fs.existsSync(p)), [false, false, false]);
    assert.equal(treeDigest(root), before);
  } finally {
    ws.dispose();
  }
  assert.equal(fs.existsSync(ws.dir), false, 'dispose removes the workspace');
});

test('PartialChanger edits P% of the files per round and restores the previous round', () => {
  const root = makeTinyTree();
  const files = listSourceFiles(root);
  const originals = new Map(files.map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
  const changer = new PartialChanger(root, 40, 7);
  assert.equal(changer.changesPerRound, 2);
  const first = changer.next();
  assert.equal(first.length, 2);
  for (const f of files) {
    const now = fs.readFileSync(path.join(root, f), 'utf8');
    if (first.includes(f)) assert.equal(now, `${originals.get(f)}// sonde-bench edit 1\n`);
    else assert.equal(now, originals.get(f));
  }
  const second = changer.next();
  for (const f of files) {
    const now = fs.readFileSync(path.join(root, f), 'utf8');
    assert.equal(now, second.includes(f) ? `${originals.get(f)}// sonde-bench edit 2\n` : originals.get(f), f);
  }
  assert.deepEqual(new PartialChanger(makeTinyTree(), 40, 7).next(), first, 'same seed, same choice');
});
