/**
 * How the scan memo (scan-memo.ts) lies in the cache: not one entry but a
 * small head, the files in buckets, and the cross-file result, so that a scan
 * that changed one file rewrites one bucket and the head (kilobytes), not the
 * whole memo (4 MB for 1,500 files, 15 MB near 5,000):
 *
 * - head, slot `S`: the digests, and the generation of each bucket and of the
 *   cross-file entry it was written with;
 * - bucket i, slot `S:b<i>`: the files whose path hashes to i (path, content
 *   key, findings), the facts and graph signatures of their contents;
 * - cross-file, slot `S:x`: the cross-file result (and the one before inline
 *   directives, when they changed it).
 *
 * A bucket or cross-file entry is the head's only when its generation is the
 * one the head names: a scan killed between writes, or two scans racing,
 * leave a head whose parts do not all match, which reads as no memo. Every
 * entry is signed under its own slot by the cache, so no entry can stand in
 * for another. A rewrite keeps an entry whose content did not change (same
 * paths, content keys and findings, the very objects read from it) and its
 * generation; the rest get a new generation, and are written with the head in
 * one batch (one SQLite transaction).
 */
import { randomBytes } from 'node:crypto';
import type { FactsCache } from '../cache/facts-cache.js';
import type { CrossFileResult, FileFacts, Finding, FunctionFacts } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';

/** Bump when the layout or the meaning of what it holds changes. */
export const MEMO_FORMAT = 4;

/** A function as the memo stores it: an array of FUNCTION_KEYS' values (scan-memo.ts), or the object. */
export type StoredFunction = FunctionFacts | readonly (string | number)[];

/** Facts as the memo stores them (scan-memo.ts encodes and decodes `functions`). */
export type StoredFacts = Omit<FileFacts, 'functions'> & { readonly functions: readonly StoredFunction[] };

export type CrossFile = CrossFileResult & { readonly notes?: readonly string[] };

/** One file of the memo: path, content key, findings (inline directives applied). */
export type MemoFileEntry = readonly [path: string, contentKey: string, findings: readonly Finding[]];

/** The memo, whole, as scan-memo.ts reads and writes it. */
export interface MemoPayload {
  /** Digest of every input that decides the result (scan-memo.ts, inputDigest). */
  readonly digest: string;
  /** Digest of the rule settings: the per-file findings of an unchanged file are reusable while it matches. */
  readonly rulesDigest: string;
  /** Digest of what the cross-file pass read: a scan with the same reuses its result. */
  readonly crossFileDigest: string;
  /** Facts by content key, each once. */
  readonly facts: readonly (readonly [contentKey: string, facts: StoredFacts])[];
  /** Per file with facts, by path. */
  readonly files: readonly MemoFileEntry[];
  /** Each content key's graph signature. */
  readonly signatures: readonly (readonly [contentKey: string, signature: string])[];
  /** The cross-file result as the scan returned it (directives applied, its notes included). */
  readonly crossFile: CrossFile;
  /** The cross-file result before inline directives, when they changed it. */
  readonly crossFileRaw?: CrossFile;
}

interface MemoHead {
  readonly v: typeof MEMO_FORMAT;
  readonly digest: string;
  readonly rulesDigest: string;
  readonly crossFileDigest: string;
  /** The generation of each bucket, in bucket order (their count is the bucket count). */
  readonly buckets: readonly string[];
  readonly cross: string;
}

interface MemoBucket {
  readonly gen: string;
  readonly facts: readonly (readonly [string, StoredFacts])[];
  readonly files: readonly MemoFileEntry[];
  readonly signatures: readonly (readonly [string, string])[];
}

interface MemoCross {
  readonly gen: string;
  readonly crossFile: CrossFile;
  readonly crossFileRaw?: CrossFile;
}

/** What was read, kept to tell which entries a rewrite can leave as they are. */
export interface ReadMemo {
  readonly payload: MemoPayload;
  readonly head: MemoHead;
  readonly buckets: readonly MemoBucket[];
  readonly cross: MemoCross;
}

/** The memo's head as fetched, and its parts, fetched only by a scan that uses them (not a replayed report, not a packed scan). */
export interface FetchedMemo {
  readonly head: MemoHead;
  parts(): Promise<readonly (string | undefined)[]>;
}

/** Files per bucket, about: a one-file change rewrites this many files' worth. */
const FILES_PER_BUCKET = 64;
const MAX_BUCKETS = 64;

const bucketSlot = (slot: string, index: number) => `${slot}:b${index}`;
const crossSlot = (slot: string) => `${slot}:x`;

export function bucketCount(files: number): number {
  return Math.min(MAX_BUCKETS, Math.max(1, Math.ceil(files / FILES_PER_BUCKET)));
}

/** FNV-1a over the path's UTF-16 units: stable across runs and machines. */
function bucketOf(path: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < path.length; index++) {
    hash ^= path.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

/** Reads the head with `extraSlots` (one round trip); the head's parts come with a second, when asked for. */
export async function fetchMemo(
  cache: FactsCache,
  slot: string,
  extraSlots: readonly string[],
): Promise<{ readonly memo?: FetchedMemo; readonly extra: readonly (string | undefined)[] }> {
  if (!cache.getMemos) return { extra: extraSlots.map(() => undefined) };
  const [headText, ...extra] = await cache.getMemos([slot, ...extraSlots]);
  const head = parseJson<MemoHead>(headText);
  if (
    head?.v !== MEMO_FORMAT ||
    typeof head.digest !== 'string' ||
    typeof head.rulesDigest !== 'string' ||
    typeof head.crossFileDigest !== 'string' ||
    !Array.isArray(head.buckets) ||
    head.buckets.length === 0 ||
    head.buckets.length > MAX_BUCKETS ||
    typeof head.cross !== 'string'
  ) {
    return { extra };
  }
  const getMemos = cache.getMemos.bind(cache);
  const parts = () => getMemos([...head.buckets.map((_, index) => bucketSlot(slot, index)), crossSlot(slot)]);
  return { memo: { head, parts }, extra };
}

/**
 * The memo from fetched texts, when every part is there and of the head's
 * generation. The texts were signed by this user's secret (the cache checked
 * the tags), so they are sonde's own output; shapes are checked only as far as
 * a format mix-up or a torn write would show.
 */
export async function parseMemo(fetched: FetchedMemo): Promise<ReadMemo | undefined> {
  const { head } = fetched;
  const texts = await fetched.parts();
  const buckets: MemoBucket[] = [];
  for (let index = 0; index < head.buckets.length; index++) {
    const bucket = parseJson<MemoBucket>(texts[index]);
    if (bucket?.gen !== head.buckets[index] || !Array.isArray(bucket.files) || !Array.isArray(bucket.facts) || !Array.isArray(bucket.signatures)) return undefined;
    buckets.push(bucket);
  }
  const cross = parseJson<MemoCross>(texts[head.buckets.length]);
  if (cross?.gen !== head.cross || typeof cross.crossFile !== 'object' || cross.crossFile === null || !Array.isArray(cross.crossFile.findings)) return undefined;
  const facts = new Map<string, StoredFacts>();
  const signatures = new Map<string, string>();
  const files: MemoFileEntry[] = [];
  for (const bucket of buckets) {
    for (const [key, stored] of bucket.facts) facts.set(key, stored);
    for (const [key, signature] of bucket.signatures) signatures.set(key, signature);
    files.push(...bucket.files);
  }
  files.sort((a, b) => compareCodeUnits(a[0], b[0]));
  return {
    payload: {
      digest: head.digest,
      rulesDigest: head.rulesDigest,
      crossFileDigest: head.crossFileDigest,
      facts: [...facts],
      files,
      signatures: [...signatures],
      crossFile: cross.crossFile,
      ...(cross.crossFileRaw ? { crossFileRaw: cross.crossFileRaw } : {}),
    },
    head,
    buckets,
    cross,
  };
}

/**
 * Writes `payload` as the slot's memo, rewriting only the parts that differ
 * from `previous` (the memo this scan read), in one batch with the head.
 * Returns the number of characters written.
 */
export async function writeMemo(cache: FactsCache, slot: string, payload: MemoPayload, previous?: ReadMemo): Promise<number> {
  if (!cache.setMemos) return 0;
  const count = bucketCount(payload.files.length);
  const gen = randomBytes(6).toString('base64url');
  const factsByKey = new Map(payload.facts);
  const signatureByKey = new Map(payload.signatures);
  const grouped: MemoFileEntry[][] = Array.from({ length: count }, () => []);
  for (const file of payload.files) grouped[bucketOf(file[0], count)]!.push(file);

  const writes: [string, string][] = [];
  const gens = grouped.map((files, index) => {
    const before = previous?.head.buckets.length === count ? previous.buckets[index] : undefined;
    if (before && sameFiles(before.files, files)) return before.gen;
    const keys = [...new Set(files.map(([, key]) => key))];
    const bucket: MemoBucket = {
      gen,
      facts: keys.flatMap((key) => (factsByKey.has(key) ? [[key, factsByKey.get(key)!] as const] : [])),
      files,
      signatures: keys.flatMap((key) => (signatureByKey.has(key) ? [[key, signatureByKey.get(key)!] as const] : [])),
    };
    writes.push([bucketSlot(slot, index), JSON.stringify(bucket)]);
    return gen;
  });
  const sameCross =
    previous !== undefined &&
    previous.payload.crossFileDigest === payload.crossFileDigest &&
    previous.cross.crossFile === payload.crossFile &&
    (previous.cross.crossFileRaw ?? previous.cross.crossFile) === (payload.crossFileRaw ?? payload.crossFile);
  if (!sameCross) {
    const cross: MemoCross = { gen, crossFile: payload.crossFile, ...(payload.crossFileRaw ? { crossFileRaw: payload.crossFileRaw } : {}) };
    writes.push([crossSlot(slot), JSON.stringify(cross)]);
  }
  const head: MemoHead = {
    v: MEMO_FORMAT,
    digest: payload.digest,
    rulesDigest: payload.rulesDigest,
    crossFileDigest: payload.crossFileDigest,
    buckets: gens,
    cross: sameCross ? previous.head.cross : gen,
  };
  writes.push([slot, JSON.stringify(head)]);
  await cache.setMemos(writes);
  return writes.reduce((sum, [, text]) => sum + text.length, 0);
}

/** The same files, content keys and findings (the very arrays: unchanged findings are the ones read). */
function sameFiles(before: readonly MemoFileEntry[], after: readonly MemoFileEntry[]): boolean {
  if (before.length !== after.length) return false;
  // Both in path order: the memo's files are sorted, and a bucket keeps the order it was given.
  for (let index = 0; index < before.length; index++) {
    const [path, key, findings] = before[index]!;
    const [pathAfter, keyAfter, findingsAfter] = after[index]!;
    if (path !== pathAfter || key !== keyAfter || findings !== findingsAfter) return false;
  }
  return true;
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
