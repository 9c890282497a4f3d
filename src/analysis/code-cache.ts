/**
 * `require` with a V8 code cache, by hand (Node 20 has no
 * `module.enableCompileCache`; that is Node 22). Loading ts-morph compiles
 * ~13 MB of JavaScript, ~300 ms of a scan that analyzes anything; with a
 * cached blob it is ~150 ms, and the first file's analysis is faster too,
 * because the blob also holds the functions V8 compiled lazily while
 * analyzing (hence: save after real work, not right after loading).
 *
 * The CommonJS loader's `Module.prototype._compile` is replaced only for the
 * duration of one synchronous `require`, so nothing else sonde or the scanned
 * code loads is ever compiled this way. Any failure falls back to Node's own
 * compile; blobs are stored and trusted as code-cache-store.ts says.
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { blobSlot, type BlobSlot, type CodeCacheStore } from './code-cache-store.js';

/** ts-morph's three large files (1, 3 and 9 MB) are what costs; its ~20 small ones are not worth a blob each. */
export const MIN_CACHED_SOURCE_CHARS = 100_000;

type CompileMethod = (this: CommonJsModule, content: string, filename: string) => unknown;
interface CommonJsModule {
  exports: unknown;
}
type ModuleWrapper = (exports: unknown, require: NodeJS.Require, module: CommonJsModule, filename: string, dirname: string) => unknown;

const modulePrototype = (Module as unknown as { prototype: { _compile: CompileMethod } }).prototype;

/** Of the large files one require compiled: how many came from a blob V8 accepted, how many were compiled from source. */
export interface CodeCacheLoads {
  loaded: number;
  compiled: number;
}

/** Blobs this require could not use (none yet, or V8 rejected them), to be written once real work has run. */
export class PendingCodeCache {
  readonly #store: CodeCacheStore;
  #scripts: { slot: BlobSlot; script: vm.Script }[] = [];

  constructor(store: CodeCacheStore) {
    this.#store = store;
  }

  /** How many blobs save() would write. */
  get size(): number {
    return this.#scripts.length;
  }

  add(slot: BlobSlot, script: vm.Script): void {
    this.#scripts.push({ slot, script });
  }

  /** Writes the blobs (once); returns how many were written. Never throws. */
  save(): number {
    const scripts = this.#scripts;
    this.#scripts = [];
    let written = 0;
    for (const { slot, script } of scripts) {
      try {
        if (this.#store.write(slot, script.createCachedData())) written += 1;
      } catch {
        // createCachedData failing only costs the next load its speed-up.
      }
    }
    return written;
  }
}

/**
 * `require(request)` resolved from `parent`, compiling its large files with
 * the store's blobs. Throws only what the plain require would throw.
 */
export function requireWithCodeCache(
  request: string,
  parent: string | URL,
  store: CodeCacheStore,
): { exports: unknown; pending: PendingCodeCache; loads: CodeCacheLoads } {
  const pending = new PendingCodeCache(store);
  const loads = { loaded: 0, compiled: 0 };
  const nodeCompile = modulePrototype._compile;
  const compileWithCache: CompileMethod = function (content, filename) {
    if (content.length < MIN_CACHED_SOURCE_CHARS || content.startsWith('#!')) return nodeCompile.call(this, content, filename);
    const slot = blobSlot(filename);
    const cachedData = slot ? store.read(slot) : undefined;
    let script: vm.Script;
    try {
      script = new vm.Script(Module.wrap(content), {
        filename,
        ...(cachedData ? { cachedData } : {}),
        importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
    } catch {
      // Whatever this is (a syntax Node handles differently), Node's own compile decides.
      return nodeCompile.call(this, content, filename);
    }
    if (slot && (!cachedData || script.cachedDataRejected)) pending.add(slot, script);
    if (cachedData && !script.cachedDataRejected) loads.loaded += 1;
    else loads.compiled += 1;
    const wrapper = script.runInThisContext({ displayErrors: true }) as ModuleWrapper;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, path.dirname(filename));
  };
  modulePrototype._compile = compileWithCache;
  try {
    return { exports: createRequire(parent)(request), pending, loads };
  } finally {
    modulePrototype._compile = nodeCompile;
  }
}
