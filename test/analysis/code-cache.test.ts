/**
 * The V8 code cache for the parser modules: blobs are written atomically
 * beside nothing but themselves, used only when intact and written by this
 * code on this machine, and a require through the cache behaves like a plain
 * one — including when a blob is damaged, planted or rejected by V8.
 * Real files, real V8 compiles; the modules are generated CommonJS files
 * above the size threshold.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { blobSlot, codeCacheSupported, CodeCacheStore, RUNTIME_VARIANTS } from '../../src/analysis/code-cache-store.js';
import { MIN_CACHED_SOURCE_CHARS, requireWithCodeCache } from '../../src/analysis/code-cache.js';
import { makeTempTree, removeTree } from '../helpers/temp-tree.js';

/** A CommonJS module large enough to be cached, exporting `answer` and a lazily compiled function. */
function largeModule(answer: number, padding = MIN_CACHED_SOURCE_CHARS): string {
  const line = (i: number) => `exports.f${i} = function f${i}(n) { return [n, ${i}, 'padding padding padding'].length; };\n`;
  const filler = Array.from({ length: Math.ceil(padding / line(0).length) }, (_, i) => line(i)).join('');
  return `${filler}exports.answer = ${answer};\nexports.twice = function twice(n) { return n * 2; };\nexports.dir = __dirname;\n`;
}

/** A tree with modules a.js and b.js (different lengths) and an empty code-cache folder path. */
function setUp() {
  const root = makeTempTree({
    'node_modules/a.js': largeModule(42),
    'node_modules/b.js': largeModule(7, MIN_CACHED_SOURCE_CHARS * 2),
    'node_modules/small.js': 'exports.small = true;\n',
    'node_modules/broken.js': `${largeModule(1)}\nthis is not JavaScript(\n`,
    'main.js': '',
  });
  return { root, parent: path.join(root, 'main.js'), cacheDir: path.join(root, '.sonde', 'v8-code-cache') };
}

/** Requires through the cache as if for the first time in this process. */
function freshRequire(request: string, parent: string, cacheDir: string) {
  const resolved = createRequire(parent).resolve(request);
  delete createRequire(parent).cache[resolved];
  return requireWithCodeCache(request, parent, new CodeCacheStore(cacheDir));
}

function blobs(cacheDir: string): string[] {
  return readdirSync(cacheDir).filter((name) => name.endsWith('.v8'));
}

describe('code cache', { skip: !codeCacheSupported() && 'zlib.crc32 needs Node 20.15+' }, () => {
  it('compiles from source when no blob exists, then writes one blob per large module after save()', () => {
    const { root, parent, cacheDir } = setUp();
    try {
      const first = freshRequire('./node_modules/a.js', parent, cacheDir);
      assert.equal((first.exports as { answer: number }).answer, 42);
      assert.equal((first.exports as { twice(n: number): number }).twice(4), 8);
      assert.equal((first.exports as { dir: string }).dir, path.join(root, 'node_modules'));
      assert.equal(first.pending.size, 1);
      assert.equal(first.pending.save(), 1);
      assert.equal(first.pending.save(), 0, 'saves once');
      assert.equal(blobs(cacheDir).length, 1);
      assert.deepEqual(readdirSync(cacheDir).filter((name) => !name.endsWith('.v8')), [], 'no temp file left');

      const second = freshRequire('./node_modules/a.js', parent, cacheDir);
      assert.equal((second.exports as { answer: number }).answer, 42);
      assert.equal(second.pending.size, 0, 'the blob was used, so there is nothing to write');
    } finally {
      removeTree(root);
    }
  });

  it('leaves small modules to Node and creates no folder until something is saved', () => {
    const { root, parent, cacheDir } = setUp();
    try {
      const loaded = freshRequire('./node_modules/small.js', parent, cacheDir);
      assert.deepEqual(loaded.exports, { small: true });
      assert.equal(loaded.pending.size, 0);
      assert.equal(loaded.pending.save(), 0);
      assert.throws(() => readdirSync(cacheDir), { code: 'ENOENT' });
    } finally {
      removeTree(root);
    }
  });

  it('ignores a damaged blob (it would abort V8) and rewrites it', () => {
    const { root, parent, cacheDir } = setUp();
    try {
      freshRequire('./node_modules/a.js', parent, cacheDir).pending.save();
      const [name] = blobs(cacheDir);
      const file = path.join(cacheDir, name!);
      const bytes = readFileSync(file);
      for (let offset = 64; offset < bytes.length; offset += 97) bytes[offset]! ^= 0x5a;
      writeFileSync(file, bytes);
      // Rewriting in place keeps the inode but not the recorded mtime: restore trust by renaming to the new witness.
      renameSync(file, path.join(cacheDir, witnessName(name!, file)));

      const loaded = freshRequire('./node_modules/a.js', parent, cacheDir);
      assert.equal((loaded.exports as { answer: number }).answer, 42);
      assert.equal(loaded.pending.size, 1, 'the damaged blob was not used');
      assert.equal(loaded.pending.save(), 1);
      assert.equal(blobs(cacheDir).length, 1, 'the damaged blob was replaced');
      assert.equal(freshRequire('./node_modules/a.js', parent, cacheDir).pending.size, 0);
    } finally {
      removeTree(root);
    }
  });

  it('ignores a truncated blob', () => {
    const { root, parent, cacheDir } = setUp();
    try {
      freshRequire('./node_modules/a.js', parent, cacheDir).pending.save();
      const [name] = blobs(cacheDir);
      const file = path.join(cacheDir, name!);
      const bytes = readFileSync(file);
      writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
      renameSync(file, path.join(cacheDir, witnessName(name!, file)));
      assert.equal(freshRequire('./node_modules/a.js', parent, cacheDir).pending.size, 1);
    } finally {
      removeTree(root);
    }
  });

  it('does not trust a blob it did not write itself (a copy, as a committed or restored file would be)', () => {
    const { root, parent, cacheDir } = setUp();
    try {
      freshRequire('./node_modules/a.js', parent, cacheDir).pending.save();
      const [name] = blobs(cacheDir);
      const file = path.join(cacheDir, name!);
      copyFileSync(file, `${file}.copy`);
      unlinkSync(file);
      renameSync(`${file}.copy`, file);
      const slot = blobSlot(path.join(root, 'node_modules', 'a.js'))!;
      assert.equal(new CodeCacheStore(cacheDir).read(slot), undefined);
      assert.equal(freshRequire('./node_modules/a.js', parent, cacheDir).pending.size, 1);
    } finally {
      removeTree(root);
    }
  });

  it('rewrites a blob V8 rejects (made for other source)', () => {
    const { root, parent, cacheDir } = setUp();
    try {
      const foreign = createBlobFor('./node_modules/b.js', parent, cacheDir);
      const store = new CodeCacheStore(cacheDir);
      assert.ok(store.write(blobSlot(path.join(root, 'node_modules', 'a.js'))!, foreign));

      const loaded = freshRequire('./node_modules/a.js', parent, cacheDir);
      assert.equal((loaded.exports as { answer: number }).answer, 42);
      assert.equal(loaded.pending.size, 1, 'V8 rejected the blob, so it is written anew');
    } finally {
      removeTree(root);
    }
  });

  it('keys blobs by the module file: an edit of the same length is a miss, not a stale blob', () => {
    const { root, parent, cacheDir } = setUp();
    try {
      freshRequire('./node_modules/a.js', parent, cacheDir).pending.save();
      const file = path.join(root, 'node_modules', 'a.js');
      writeFileSync(file, largeModule(43));
      const loaded = freshRequire('./node_modules/a.js', parent, cacheDir);
      assert.equal((loaded.exports as { answer: number }).answer, 43);
      assert.equal(loaded.pending.size, 1);
      loaded.pending.save();
      assert.equal(blobs(cacheDir).length, 1, "the module's older blob was removed");
    } finally {
      removeTree(root);
    }
  });

  it('of two blobs written for the same module (two scans at once), keeps the newer, and it is trusted', () => {
    const { root, cacheDir } = setUp();
    try {
      const slot = blobSlot(path.join(root, 'node_modules', 'a.js'))!;
      assert.ok(new CodeCacheStore(cacheDir).write(slot, Buffer.from('first')));
      assert.ok(new CodeCacheStore(cacheDir).write(slot, Buffer.from('second')));
      assert.equal(blobs(cacheDir).length, 1);
      assert.equal(new CodeCacheStore(cacheDir).read(slot)?.toString(), 'second');
    } finally {
      removeTree(root);
    }
  });

  it(`keeps blobs for up to ${RUNTIME_VARIANTS} runtimes (Node versions, flags) per module file, the newest`, () => {
    const { root, cacheDir } = setUp();
    try {
      const slot = blobSlot(path.join(root, 'node_modules', 'a.js'))!;
      const otherRuntime = { ...slot, runtimeTag: 'e'.repeat(16) };
      const thirdRuntime = { ...slot, runtimeTag: 'f'.repeat(16) };
      const store = () => new CodeCacheStore(cacheDir);
      assert.ok(store().write(otherRuntime, Buffer.from('other')));
      assert.ok(store().write(slot, Buffer.from('this')));
      assert.equal(store().read(otherRuntime)?.toString(), 'other', 'a blob for another runtime is not evicted by this one');
      assert.equal(store().read(slot)?.toString(), 'this');
      assert.ok(store().write(thirdRuntime, Buffer.from('third')));
      assert.equal(blobs(cacheDir).length, RUNTIME_VARIANTS);
      assert.equal(store().read(otherRuntime), undefined, 'the oldest runtime went');
      assert.equal(store().read(thirdRuntime)?.toString(), 'third');
    } finally {
      removeTree(root);
    }
  });

  it("throws a module's syntax error as a plain require would, and always restores Node's compile", () => {
    const { root, parent, cacheDir } = setUp();
    const nodeCompile = (Module.prototype as unknown as { _compile: unknown })._compile;
    try {
      assert.throws(() => freshRequire('./node_modules/broken.js', parent, cacheDir), SyntaxError);
      assert.equal((Module.prototype as unknown as { _compile: unknown })._compile, nodeCompile);
      freshRequire('./node_modules/a.js', parent, cacheDir);
      assert.equal((Module.prototype as unknown as { _compile: unknown })._compile, nodeCompile);
    } finally {
      removeTree(root);
    }
  });

  it('writes nothing and throws nothing when the folder cannot be created', () => {
    const { root, parent } = setUp();
    try {
      writeFileSync(path.join(root, 'a-file'), '');
      const loaded = freshRequire('./node_modules/a.js', parent, path.join(root, 'a-file', 'v8-code-cache'));
      assert.equal(loaded.pending.size, 1);
      assert.equal(loaded.pending.save(), 0);
    } finally {
      removeTree(root);
    }
  });
});

/** The blob payload V8 makes for a module (compiled in a scratch folder). */
function createBlobFor(request: string, parent: string, cacheDir: string): Buffer {
  const scratch = `${cacheDir}-scratch`;
  freshRequire(request, parent, scratch).pending.save();
  const store = new CodeCacheStore(scratch);
  return store.read(blobSlot(createRequire(parent).resolve(request))!)!;
}

/** A blob's file name with the witness (inode, mtime) its file has now. */
function witnessName(name: string, file: string): string {
  const [moduleTag, fileTag, runtimeTag] = name.split('-');
  const stat = statSync(file, { bigint: true });
  return `${moduleTag}-${fileTag}-${runtimeTag}-${stat.ino}-${stat.mtimeNs}.v8`;
}
