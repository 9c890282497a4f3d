/**
 * The FactsCache over any Keyv adapter that the store modules open and check
 * (sqlite-store.ts, redis-store.ts): batching, the stored value's shape, and
 * the rule that a failing store warns once and the scan goes on without it.
 *
 * Every value carries an HMAC-SHA-256 over its full key and its content,
 * with the user's secret (private-dir.ts): a store's content is untrusted (a
 * committed SQLite file, a shared Redis), so a value whose tag does not
 * verify is a miss, counted into one warning per scan, and is overwritten by
 * the fresh result.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import Keyv from 'keyv';
import type { FileFacts } from '../types.js';
import type { FactsCache } from './facts-cache.js';
import { isCorruptionError } from './sqlite-store.js';
import { isFileFacts } from './validate-facts.js';

/** Keys per store call: @keyv/sqlite's own getMany is quadratic, json_each arrays and MGET replies stay small. */
const CACHE_BATCH_SIZE = 500;

/** One stored value: facts plus when they were written (for `cache prune --max-age`). */
interface CacheEntry {
  /** Epoch ms of the write. */
  readonly t: number;
  readonly facts: FileFacts;
  /** HMAC-SHA-256 (hex) of the full key, `t` and the facts' JSON; see entryTag. */
  readonly mac: string;
}

/** What the facts cache needs from a Keyv adapter besides get/set: batches, each one round trip. */
interface BatchedKeyvAdapter {
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

interface KeyvFactsCacheOptions {
  readonly namespace: string;
  /** The key that signs and verifies entries. */
  readonly secret: Buffer;
  /** Added to the authentication warning (e.g. what a Redis fleet must share). */
  readonly authenticationHint?: string;
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
  #warnedUnauthentic = false;
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
    let unauthentic = 0;
    for (let start = 0; start < contentHashes.length && !this.#broken; start += CACHE_BATCH_SIZE) {
      const keys = contentHashes.slice(start, start + CACHE_BATCH_SIZE);
      try {
        const values = await this.#keyv.getMany(keys);
        values.forEach((value, index) => {
          if (value === undefined || value === null) return;
          const key = keys[index]!;
          if (isEntry(value) && this.#verifies(key, value)) found.set(key, value.facts);
          else unauthentic += 1;
        });
      } catch (error) {
        this.#fail('read', error);
      }
    }
    if (unauthentic > 0 && !this.#warnedUnauthentic) {
      this.#warnedUnauthentic = true;
      const hint = this.#options.authenticationHint ? ` (${this.#options.authenticationHint})` : '';
      this.#options.onWarning(
        'cache-unauthenticated',
        `cache: ${unauthentic} ${unauthentic === 1 ? 'entry' : 'entries'} at ${this.#store.label} failed authentication and ${unauthentic === 1 ? 'was' : 'were'} recomputed${hint}.`,
      );
    }
    return found;
  }

  async setMany(entries: readonly (readonly [contentHash: string, facts: FileFacts])[]): Promise<void> {
    const t = (this.#options.now ?? Date.now)();
    for (let start = 0; start < entries.length && !this.#broken; start += CACHE_BATCH_SIZE) {
      const batch = entries.slice(start, start + CACHE_BATCH_SIZE).map(([key, facts]) => ({ key, value: { t, facts, mac: this.#tag(key, t, facts) } }));
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

  #tag(contentHash: string, t: number, facts: FileFacts): string {
    return entryTag(this.#options.secret, `${this.#options.namespace}:${contentHash}`, t, facts);
  }

  #verifies(contentHash: string, entry: CacheEntry): boolean {
    const expected = Buffer.from(this.#tag(contentHash, entry.t, entry.facts), 'hex');
    const given = Buffer.from(entry.mac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
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

/**
 * The tag of one entry: binds the full key (format, tool version, options,
 * extension, content hash) to the value, so a value can be neither forged,
 * edited nor moved to another key. JSON.stringify of the parsed facts gives
 * back the stored text exactly (JSON numbers and key order round-trip).
 */
export function entryTag(secret: Buffer, fullKey: string, t: number, facts: FileFacts): string {
  return createHmac('sha256', secret).update(`${fullKey}\n${t}\n${JSON.stringify(facts)}`).digest('hex');
}

function isEntry(value: unknown): value is CacheEntry {
  const entry = value as CacheEntry | null | undefined;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    Number.isFinite(entry.t) &&
    typeof entry.mac === 'string' &&
    /^[0-9a-f]{64}$/.test(entry.mac) &&
    isFileFacts(entry.facts)
  );
}
