/**
 * V8 code-cache blobs are code: they come only from the user's private
 * folder, and a blob is checked on the descriptor it is read from. Attack
 * (before): blobs lived in the repository's .sonde/, a folder another user
 * could write, and were stat'ed by name and then opened again by name, so
 * a file swapped in between ran as the scanning user.
 */
import assert from 'node:assert/strict';
import { chmodSync, chownSync, copyFileSync, mkdirSync, readdirSync, renameSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { blobSlot, codeCacheSupported, CodeCacheStore, type BlobSlot } from '../../src/analysis/code-cache-store.js';
import { codeCacheDirFor } from '../../src/engine/strategy.js';
import { removeTree } from '../helpers/temp-tree.js';
import { tempDir } from './cache-helpers.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

describe('the V8 code cache folder and blobs', { skip: !codeCacheSupported() && 'zlib.crc32 needs Node 20.15+' }, () => {
  const cleanup: string[] = [];
  after(() => cleanup.forEach(removeTree));

  /** A private folder with one blob written by this process for a real module file. */
  function storeWithBlob(): { dir: string; slot: BlobSlot; blob: string } {
    const home = tempDir('sonde-xdg-');
    cleanup.push(home);
    const dir = codeCacheDirFor({ enabled: true, location: '/unused' }, { XDG_CACHE_HOME: home })!;
    assert.ok(dir, 'a fresh private folder is accepted');
    const slot = blobSlot(import.meta.filename)!;
    assert.equal(new CodeCacheStore(dir).write(slot, Buffer.from('payload bytes')), true);
    const [blob] = readdirSync(dir).filter((name) => name.endsWith('.v8'));
    assert.ok(blob);
    assert.deepEqual(new CodeCacheStore(dir).read(slot), Buffer.from('payload bytes'), 'the blob as written is loaded');
    return { dir, slot, blob: path.join(dir, blob) };
  }

  it('the folder is refused when group or others can write it, or when it is a symlink', () => {
    const home = tempDir('sonde-xdg-');
    cleanup.push(home);
    const env = { XDG_CACHE_HOME: home };
    const dir = codeCacheDirFor({ enabled: true, location: '/unused' }, env)!;
    chmodSync(dir, 0o775);
    assert.equal(codeCacheDirFor({ enabled: true, location: '/unused' }, env), undefined);
    chmodSync(dir, 0o700);
    chmodSync(path.dirname(dir), 0o757);
    assert.equal(codeCacheDirFor({ enabled: true, location: '/unused' }, env), undefined, 'the sonde folder above it too');
    chmodSync(path.dirname(dir), 0o700);
    removeTree(dir);
    const elsewhere = tempDir();
    cleanup.push(elsewhere);
    symlinkSync(elsewhere, dir);
    assert.equal(codeCacheDirFor({ enabled: true, location: '/unused' }, env), undefined);
  });

  it('a store over a folder that others can write neither reads nor writes', () => {
    const { dir, slot } = storeWithBlob();
    chmodSync(dir, 0o777);
    assert.equal(new CodeCacheStore(dir).read(slot), undefined);
    assert.equal(new CodeCacheStore(dir).write(slot, Buffer.from('x')), false);
  });

  it('a blob swapped for a copy (another inode), or for a symlink to it, is not loaded', () => {
    const { slot, blob } = storeWithBlob();
    const copy = `${blob}.copy`;
    copyFileSync(blob, copy, 0);
    renameSync(copy, blob);
    assert.equal(new CodeCacheStore(path.dirname(blob)).read(slot), undefined, 'same bytes, another inode');

    const second = storeWithBlob();
    const target = `${second.blob}.target`;
    renameSync(second.blob, target);
    symlinkSync(target, second.blob);
    assert.equal(new CodeCacheStore(second.dir).read(second.slot), undefined, 'a symlink is never followed');
  });

  it('a blob owned by another user is not loaded', { skip: !isRoot && 'needs root to give a file to nobody' }, () => {
    const { dir, slot, blob } = storeWithBlob();
    chownSync(blob, NOBODY, NOBODY);
    assert.equal(new CodeCacheStore(dir).read(slot), undefined);
  });

  it('a folder owned by another user is refused', { skip: !isRoot && 'needs root to give a folder to nobody' }, () => {
    const home = tempDir('sonde-xdg-');
    cleanup.push(home);
    mkdirSync(path.join(home, 'sonde', 'v8-code-cache'), { recursive: true, mode: 0o700 });
    chmodSync(path.join(home, 'sonde'), 0o700);
    chownSync(path.join(home, 'sonde', 'v8-code-cache'), NOBODY, NOBODY);
    assert.equal(codeCacheDirFor({ enabled: true, location: '/unused' }, { XDG_CACHE_HOME: home }), undefined);
  });
});
