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
import type Keyv from 'keyv';
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

/**
 * One stored scan memo (engine/scan-memo.ts). Stored as the JSON text
 * `{"value":{"t":…,"mac":"…","memo":<memo JSON>}}` written and split by hand,
 * not through Keyv: the tag is checked over the very bytes that are then
 * parsed once, instead of parsing megabytes, re-encoding them to verify the
 * tag, and escaping the memo as a string. The value stays JSON with Keyv's
 * layout, so `sonde cache` maintenance (`$.value.t`) treats it as any entry.
 */
interface MemoEntry {
  /** Epoch ms of the write. */
  readonly t: number;
  /** The memo's JSON text. */
  readonly memo: string;
  /** HMAC-SHA-256 (hex) of the kind, the full key, `t` and the memo text; see memoTag. */
  readonly mac: string;
}

const MEMO_HEAD = '{"value":{"t":';
const MEMO_TAIL = '}}';
const MEMO_HEADER = /^\{"value":\{"t":(\d{1,16}),"mac":"([0-9a-f]{64})","memo":/;

/** The parts of a stored memo, or undefined when the text does not have the layout setMemo writes. */
function splitMemoEntry(raw: string): MemoEntry | undefined {
  const header = MEMO_HEADER.exec(raw.slice(0, 128));
  if (!header || !raw.endsWith(MEMO_TAIL)) return undefined;
  return { t: Number(header[1]), mac: header[2]!, memo: raw.slice(header[0].length, raw.length - MEMO_TAIL.length) };
}

/** Where memos live under the namespace: `<namespace>:memo:<slot>`, never a facts key (`<ext>:<hash>`). */
const MEMO_KEY_PREFIX = 'memo:';

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
  /** Loaded on the first facts lookup or write: a warm scan served by the memo never needs Keyv. */
  #keyv: Promise<Keyv<CacheEntry>> | undefined;
  readonly #store: FactsStore;
  readonly #options: KeyvFactsCacheOptions;
  /** Set after a store failure: the rest of the scan runs without the cache. */
  #broken = false;
  #corrupt = false;
  #warnedUnauthentic = false;
  /** The memo and its stat manifest are one thing to the user: one warning when either fails. */
  #warnedMemoUnauthentic = false;
  #closed: Promise<void> | undefined;

  constructor(store: FactsStore, options: KeyvFactsCacheOptions) {
    this.#store = store;
    this.#options = options;
  }

  #client(): Promise<Keyv<CacheEntry>> {
    this.#keyv ??= import('keyv').then(({ default: KeyvClass }) => {
      const keyv = new KeyvClass<CacheEntry>({
        store: this.#store.adapter,
        namespace: this.#options.namespace,
        useKeyPrefix: !this.#store.prefixesKeys,
        // Plain JSON: faster than Keyv's default serializer, and a value that
        // does not parse reads as a miss instead of failing the whole batch.
        serialize: JSON.stringify,
        deserialize: safeParse as Keyv['deserialize'],
        throwOnErrors: true,
      });
      keyv.on('error', () => {});
      return keyv;
    });
    return this.#keyv;
  }

  async getMany(contentHashes: readonly string[]): Promise<Map<string, FileFacts>> {
    const found = new Map<string, FileFacts>();
    let unauthentic = 0;
    for (let start = 0; start < contentHashes.length && !this.#broken; start += CACHE_BATCH_SIZE) {
      const keys = contentHashes.slice(start, start + CACHE_BATCH_SIZE);
      try {
        const values = await (await this.#client()).getMany(keys);
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
    this.#warnUnauthentic(unauthentic);
    return found;
  }

  async setMany(entries: readonly (readonly [contentHash: string, facts: FileFacts])[]): Promise<void> {
    const t = (this.#options.now ?? Date.now)();
    for (let start = 0; start < entries.length && !this.#broken; start += CACHE_BATCH_SIZE) {
      const batch = entries.slice(start, start + CACHE_BATCH_SIZE).map(([key, facts]) => ({ key, value: { t, facts, mac: this.#tag(key, t, facts) } }));
      try {
        await (await this.#client()).setMany(batch);
      } catch (error) {
        this.#fail('write', error);
      }
    }
  }

  async getMemos(slots: readonly string[]): Promise<(string | undefined)[]> {
    if (this.#broken || slots.length === 0) return slots.map(() => undefined);
    try {
      const raws = await this.#store.adapter.getMany(slots.map((slot) => this.#memoStoreKey(slot)));
      let unauthentic = false;
      const texts = slots.map((slot, index) => {
        const raw = raws[index];
        if (raw === undefined || raw === null) return undefined;
        const entry = typeof raw === 'string' ? splitMemoEntry(raw) : undefined;
        if (entry && this.#memoVerifies(MEMO_KEY_PREFIX + slot, entry)) return entry.memo;
        unauthentic = true;
        return undefined;
      });
      // A forged or edited memo is a miss like a facts entry: the scan recomputes and overwrites it.
      // Its own line (once: the memo's entries are one thing to the user), so that the facts entries
      // that fail next are still counted and said.
      if (unauthentic && !this.#warnedMemoUnauthentic) {
        const hint = this.#options.authenticationHint ? ` (${this.#options.authenticationHint})` : '';
        this.#options.onWarning('cache-unauthenticated', `cache: the scan memo at ${this.#store.label} failed authentication and was recomputed${hint}.`);
        this.#warnedMemoUnauthentic = true;
      }
      return texts;
    } catch (error) {
      this.#fail('read', error);
      return slots.map(() => undefined);
    }
  }

  async setMemos(entries: readonly (readonly [slot: string, memo: string])[]): Promise<void> {
    if (this.#broken || entries.length === 0) return;
    const t = (this.#options.now ?? Date.now)();
    const values = entries.map(([slot, memo]) => {
      const mac = memoTag(this.#options.secret, `${this.#options.namespace}:${MEMO_KEY_PREFIX}${slot}`, t, memo);
      return { key: this.#memoStoreKey(slot), value: `${MEMO_HEAD}${t},"mac":"${mac}","memo":${memo}${MEMO_TAIL}` };
    });
    try {
      await this.#store.adapter.setMany(values);
    } catch (error) {
      this.#fail('write', error);
    }
  }

  /** The memo's key as the store holds it: Keyv's own prefixing, done here because the memo bypasses Keyv's (de)serialization. */
  #memoStoreKey(slot: string): string {
    return this.#store.prefixesKeys ? MEMO_KEY_PREFIX + slot : `${this.#options.namespace}:${MEMO_KEY_PREFIX}${slot}`;
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

  #memoVerifies(key: string, entry: MemoEntry): boolean {
    const expected = Buffer.from(memoTag(this.#options.secret, `${this.#options.namespace}:${key}`, entry.t, entry.memo), 'hex');
    const given = Buffer.from(entry.mac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  #warnUnauthentic(unauthentic: number): void {
    if (unauthentic === 0 || this.#warnedUnauthentic) return;
    this.#warnedUnauthentic = true;
    const hint = this.#options.authenticationHint ? ` (${this.#options.authenticationHint})` : '';
    this.#options.onWarning(
      'cache-unauthenticated',
      `cache: ${unauthentic} ${unauthentic === 1 ? 'entry' : 'entries'} at ${this.#store.label} failed authentication and ${unauthentic === 1 ? 'was' : 'were'} recomputed${hint}.`,
    );
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

/**
 * The tag of one memo: like entryTag, but the input starts with `memo`, so a
 * facts tag can never pass for a memo tag or the reverse.
 */
export function memoTag(secret: Buffer, fullKey: string, t: number, memo: string): string {
  return createHmac('sha256', secret).update(`memo\n${fullKey}\n${t}\n`).update(memo).digest('hex');
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
