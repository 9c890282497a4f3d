/**
 * The FactsCache over any Keyv adapter that the store modules open and check
 * (sqlite-store.ts, redis-store.ts): batching, the stored value's shape, and
 * the rule that a failing store warns once and the scan goes on without it.
 */
import Keyv from 'keyv';
import type { FileFacts } from '../types.js';
import type { FactsCache } from './facts-cache.js';
import { isCorruptionError } from './sqlite-store.js';
import { isFileFacts } from './validate-facts.js';

/** Keys per store call: @keyv/sqlite's own getMany is quadratic, json_each arrays and MGET replies stay small. */
export const CACHE_BATCH_SIZE = 500;

/** One stored value: facts plus when they were written (for `cache prune --max-age`). */
export interface CacheEntry {
  /** Epoch ms of the write. */
  readonly t: number;
  readonly facts: FileFacts;
}

/** What the facts cache needs from a Keyv adapter besides get/set: batches, each one round trip. */
export interface BatchedKeyvAdapter {
  getMany(keys: string[]): Promise<unknown[]>;
  setMany(entries: { key: string; value: unknown }[]): Promise<unknown>;
}

/** A store, opened and proven usable, as the facts cache needs it. */
export interface FactsStore {
  /** Handed to Keyv as its store. */
  readonly adapter: BatchedKeyvAdapter;
  /** True when the adapter prefixes keys with the namespace itself, so Keyv must not do it again. */
  readonly prefixesKeys: boolean;
  /** Where the store is, for warnings; never holds a password. */
  readonly label: string;
  /** Releases the connection; must not reject, and must not leave anything keeping the process alive. */
  close(): Promise<void>;
  /** Called on close when the store was found damaged mid-scan (SQLite moves its file aside). */
  quarantine?(): void;
  /** Removes secrets from a driver's error message before it is shown. */
  scrub?(message: string): string;
}

export interface KeyvFactsCacheOptions {
  readonly namespace: string;
  readonly onWarning: (code: string, message: string) => void;
  /** Clock for entry timestamps; tests inject one. */
  readonly now?: () => number;
}

export class KeyvFactsCache implements FactsCache {
  readonly enabled = true;
  readonly #keyv: Keyv<CacheEntry>;
  readonly #store: FactsStore;
  readonly #options: KeyvFactsCacheOptions;
  /** Set after a store failure: the rest of the scan runs without the cache. */
  #broken = false;
  #corrupt = false;
  #closed: Promise<void> | undefined;

  constructor(store: FactsStore, options: KeyvFactsCacheOptions) {
    this.#store = store;
    this.#options = options;
    this.#keyv = new Keyv<CacheEntry>({
      store: store.adapter,
      namespace: options.namespace,
      useKeyPrefix: !store.prefixesKeys,
      // Plain JSON: faster than Keyv's default serializer, and a value that
      // does not parse reads as a miss instead of failing the whole batch.
      serialize: JSON.stringify,
      deserialize: safeParse as Keyv['deserialize'],
      throwOnErrors: true,
    });
    this.#keyv.on('error', () => {});
  }

  async getMany(contentHashes: readonly string[]): Promise<Map<string, FileFacts>> {
    const found = new Map<string, FileFacts>();
    for (let start = 0; start < contentHashes.length && !this.#broken; start += CACHE_BATCH_SIZE) {
      const keys = contentHashes.slice(start, start + CACHE_BATCH_SIZE);
      try {
        const values = await this.#keyv.getMany(keys);
        values.forEach((value, index) => {
          if (isEntry(value)) found.set(keys[index], value.facts);
        });
      } catch (error) {
        this.#fail('read', error);
      }
    }
    return found;
  }

  async setMany(entries: readonly (readonly [contentHash: string, facts: FileFacts])[]): Promise<void> {
    const t = (this.#options.now ?? Date.now)();
    for (let start = 0; start < entries.length && !this.#broken; start += CACHE_BATCH_SIZE) {
      const batch = entries.slice(start, start + CACHE_BATCH_SIZE).map(([key, facts]) => ({ key, value: { t, facts } }));
      try {
        await this.#keyv.setMany(batch);
      } catch (error) {
        this.#fail('write', error);
      }
    }
  }

  close(): Promise<void> {
    this.#closed ??= this.#store.close().then(
      () => {
        // Damage found mid-scan: quarantine now so the next scan rebuilds.
        if (this.#corrupt) this.#store.quarantine?.();
      },
      () => {},
    );
    return this.#closed;
  }

  #fail(operation: 'read' | 'write', error: unknown): void {
    this.#broken = true;
    this.#corrupt = isCorruptionError(error);
    const reason = describeError(error);
    this.#options.onWarning(
      this.#corrupt ? 'cache-corrupt' : 'cache-unavailable',
      `Cache ${operation} failed at ${this.#store.label} (${this.#store.scrub?.(reason) ?? reason}); continuing without the cache.`,
    );
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isEntry(value: unknown): value is CacheEntry {
  const entry = value as CacheEntry | null | undefined;
  return typeof entry === 'object' && entry !== null && Number.isFinite(entry.t) && isFileFacts(entry.facts);
}
