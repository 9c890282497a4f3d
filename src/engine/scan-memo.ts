/**
 * The scan memo: what a scan computed after the facts (per-file findings, the
 * cross-file result and its notes), with the facts themselves, stored as a few
 * signed entries of the facts cache (a head, buckets of files and the
 * cross-file result: memo-store.ts), read in two round trips and rewritten
 * only where they changed. A scan whose inputs all match the memo's
 * digest (same files, same bytes, same result-deciding options, same project
 * configuration) serves it as is: no per-file lookups, no graph, no rules, no
 * parser. A scan whose inputs differ still takes from it the facts of unchanged
 * content (one round trip instead of a lookup per file) and the findings of
 * unchanged files, then recomputes the rest and replaces it.
 *
 * One memo per slot, the slot being (root, paths, include, exclude) inside the
 * cache namespace (format, tool version, analysis options): a tree scanned
 * again and again overwrites its own memo instead of piling up copies.
 * See src/cache/INVALIDATION.md, "The scan memo".
 */
import { createHash } from 'node:crypto';
import type { FactsCache } from '../cache/facts-cache.js';
import { stableJson } from '../cache/namespace.js';
import type { ScanOptions } from '../config/options.js';
import type { CrossFileResult, FileFacts, Finding, FunctionFacts, ReplayedReport, SkippedFile } from '../types.js';
import type { ReadFile } from './read-phase.js';
import { parseManifest, type StatManifest } from './stat-manifest.js';
import { fetchMemo, MEMO_FORMAT, parseMemo, writeMemo, type FetchedMemo, type MemoPayload, type StoredFacts, type StoredFunction } from './memo-store.js';


/**
 * A function's keys in the order the analysis writes them. Most of a memo's
 * bytes are functions: stored as arrays in this order (`iife` as a tenth
 * element), the memo is ~30% smaller and parses that much faster, since JSON
 * keys are most of the tokens. A function with any other keys or order is
 * stored as it is, so decoding always gives back the very object.
 */
const FUNCTION_KEYS = ['name', 'line', 'column', 'endLine', 'params', 'cyclomatic', 'cognitive', 'maxDepth', 'length'] as const;


/** Decode errors depend on the bytes alone; any other per-file error (a crashed worker, a parser failure) may not recur, so a scan with one is never memoized. */
const DETERMINISTIC_ERRORS: ReadonlySet<string> = new Set(['binary', 'encoding']);


/** What the pipeline learns from the memo for this scan. */
export interface MemoLookup {
  /** The memo matched every input: its result is this scan's result. */
  readonly hit: boolean;
  /** Facts by content key from the memo (all of them on a hit; those of unchanged content otherwise). */
  readonly facts: ReadonlyMap<string, FileFacts>;
  /** On a hit: the per-file findings, in the result's order. */
  readonly fileFindings?: Map<string, readonly Finding[]>;
  /** On a hit: the cross-file result. */
  readonly crossFile?: CrossFileResult & { readonly notes?: readonly string[] };
  /** Findings of a file from the memo when its content and the rules are unchanged and it has no inline directive; else undefined. */
  reusableFindings(path: string, contentKey: string, facts: FileFacts): readonly Finding[] | undefined;
  /**
   * The memo's cross-file result (before inline directives) when everything
   * the cross-file pass reads is unchanged: the same paths, each file's
   * imports and exports (positions included), the same project configuration,
   * options and skipped links. An edit inside a function body changes none of
   * these. Undefined otherwise (the pass runs).
   */
  reusableCrossFile(files: readonly MemoFile[]): (CrossFileResult & { readonly notes?: readonly string[] }) | undefined;
  /** Replaces the memo with this scan's outcome (nothing when the scan is not memoizable). */
  save(outcome: ScanOutcome): Promise<void>;
  /** The digest of this scan's inputs (absent without a memo to compare with). */
  readonly digest?: string;
  /** The report kept for this digest and the caller's replay key: the memo's results were not loaded. */
  readonly replay?: ReplayedReport;
}

/** A scanned file as the memo sees it. */
export interface MemoFile {
  readonly path: string;
  readonly facts: FileFacts | null;
  readonly error: { readonly code: string } | null;
}

/** What a scan computed, as the memo stores it. */
export interface ScanOutcome {
  readonly files: readonly MemoFile[];
  readonly contentKeys: ReadonlyMap<string, string | undefined>;
  readonly fileFindings: ReadonlyMap<string, readonly Finding[]>;
  readonly crossFile: CrossFileResult & { readonly notes?: readonly string[] };
  /** The cross-file result before inline directives. */
  readonly crossFileRaw: CrossFileResult & { readonly notes?: readonly string[] };
}

/** What a scan without a memo (no cache, a cache without memos, a packed scan) gets: never a hit, nothing saved. */
export const NO_MEMO: MemoLookup = {
  hit: false,
  facts: new Map(),
  reusableFindings: () => undefined,
  reusableCrossFile: () => undefined,
  save: async () => {},
};

/** The inputs of one scan, as read. */
export interface MemoInputs {
  readonly options: ScanOptions;
  readonly files: readonly ReadFile[];
  readonly skipped: readonly SkippedFile[];
}

/** What the cache holds for this scan's slot, read before the scan knows its files. */
export interface StoredMemo {
  /** The stat manifest of the last scan of the slot (stat-manifest.ts). */
  readonly manifest?: StatManifest;
  /** The memo's entries as fetched: parsed only by a scan that uses them (never a packed one). */
  readonly memo?: FetchedMemo;
  /** The report kept under the caller's replay key, as stored. */
  readonly replayText?: string;
}

/**
 * Reads the slot's memo (memo-store.ts) and stat manifest: two round trips.
 * Never throws: an unreadable, unauthentic or malformed entry is no entry.
 */
export async function readStoredMemo(cache: FactsCache, options: ScanOptions, replayKey?: string): Promise<StoredMemo> {
  if (!cache.enabled || !cache.getMemos || !cache.setMemos) return {};
  const slot = memoSlot(options);
  const { memo, extra } = await fetchMemo(cache, slot, [manifestSlot(slot), ...(replayKey === undefined ? [] : [replaySlot(slot, replayKey)])]);
  const manifest = parseManifest(extra[0]);
  const replayText = extra[1];
  return { ...(manifest ? { manifest } : {}), ...(memo ? { memo } : {}), ...(replayText === undefined ? {} : { replayText }) };
}

/** A report kept for the inputs of `digest` under the caller's replay key. */
interface StoredReplay extends ReplayedReport {
  readonly digest: string;
}

/** Keeps a report for these options' slot, these inputs (`digest`) and the caller's replay key; replaces the one kept before. */
export async function saveReplay(cache: FactsCache, options: ScanOptions, key: string, report: StoredReplay): Promise<void> {
  if (cache.enabled && cache.setMemos) await cache.setMemos([[replaySlot(memoSlot(options), key), JSON.stringify(report)]]);
}

/** The replay slot of a key: one per report-option set, beside the memo. */
const replaySlot = (slot: string, key: string) => `${slot}:r:${sha256(key).slice(0, 32)}`;

function parseReplay(text: string | undefined): StoredReplay | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as StoredReplay;
    const ok =
      typeof value?.digest === 'string' &&
      typeof value.text === 'string' &&
      typeof value.cache?.hits === 'number' &&
      typeof value.cache.misses === 'number' &&
      typeof value.meta === 'object' &&
      value.meta !== null;
    return ok ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces the slot's stat manifest. */
export async function saveManifest(cache: FactsCache, options: ScanOptions, manifest: StatManifest): Promise<void> {
  if (cache.enabled && cache.setMemos) await cache.setMemos([[manifestSlot(memoSlot(options)), JSON.stringify(manifest)]]);
}

/**
 * Compares the stored memo's digest with this scan's inputs. Never throws: an
 * unreadable, unauthentic or malformed memo is no memo.
 */
export async function lookupMemo(cache: FactsCache, inputs: MemoInputs, fetched: FetchedMemo | undefined, replayText?: string): Promise<MemoLookup> {
  if (!cache.enabled || !cache.getMemos || !cache.setMemos) return NO_MEMO;
  const slot = memoSlot(inputs.options);
  const { digest, crossFileBase } = await inputDigest(inputs);
  // The kept report stands for the memo's result only while the memo itself matches these inputs.
  const replay = fetched?.head.digest === digest ? parseReplay(replayText) : undefined;
  if (replay?.digest === digest) {
    return { ...NO_MEMO, hit: true, digest, replay: { text: replay.text, cache: replay.cache, meta: replay.meta } };
  }
  const read = fetched && (await parseMemo(fetched));
  const memo = read?.payload;
  const rulesDigest = sha256(stableJson(inputs.options.rules));
  // Graph signatures by content key: the memo's, then those this scan computes.
  const signatures = new Map(memo?.signatures);
  const signatureOf = (key: string | undefined, facts: FileFacts): string => {
    if (key === undefined) return graphSignature(facts);
    let signature = signatures.get(key);
    if (signature === undefined) signatures.set(key, (signature = graphSignature(facts)));
    return signature;
  };
  const contentKeys = new Map(inputs.files.map((file) => [file.path, file.contentKey]));
  const crossFileDigestOf = (files: readonly MemoFile[]) => crossFileDigest(crossFileBase, files, (file) => signatureOf(contentKeys.get(file.path), file.facts!));
  const save = async (outcome: ScanOutcome, stored?: ReadonlyMap<string, StoredFacts>) => {
    const payload = toPayload(outcome, { digest, rulesDigest, crossFileDigest: crossFileDigestOf(outcome.files), signatures }, stored);
    if (payload) await writeMemo(cache, slot, payload, read);
  };
  if (!memo) return { ...NO_MEMO, save, digest };
  const facts = new Map(memo.facts.map(([key, stored]) => [key, decodeFacts(stored)]));
  if (memo.digest === digest) {
    return {
      hit: true,
      digest,
      facts,
      fileFindings: new Map(memo.files.map(([path, , findings]) => [path, findings])),
      crossFile: memo.crossFile,
      reusableFindings: () => undefined,
      reusableCrossFile: () => undefined,
      save: async () => {},
    };
  }
  // Partly warm: keep only facts of content this scan has, so the rest can be dropped early.
  const wanted = new Set(inputs.files.map((file) => file.contentKey));
  for (const key of facts.keys()) if (!wanted.has(key)) facts.delete(key);
  for (const key of signatures.keys()) if (!wanted.has(key)) signatures.delete(key);
  // Unchanged content goes back into the new memo in the form it was read in: no re-encoding.
  const stored = new Map(memo.facts.filter(([key]) => facts.has(key)));
  const previous = memo.rulesDigest === rulesDigest ? new Map(memo.files.map(([path, key, findings]) => [path, { key, findings }])) : undefined;
  return {
    hit: false,
    digest,
    facts,
    reusableFindings(path, contentKey, fileFacts) {
      const before = previous?.get(path);
      return before && before.key === contentKey && !fileFacts.directives?.length ? before.findings : undefined;
    },
    reusableCrossFile: (files) => (crossFileDigestOf(files) === memo.crossFileDigest ? (memo.crossFileRaw ?? memo.crossFile) : undefined),
    save: (outcome) => save(outcome, stored),
  };
}

/**
 * A file's part in the module graph: its imports and exports as the facts
 * hold them (specifiers, names, kinds, lines). Two contents with the same
 * signature give the same graph and cross-file findings.
 */
function graphSignature(facts: FileFacts): string {
  return createHash('sha1').update(JSON.stringify([facts.imports, facts.exports])).digest('base64');
}

/** Everything the cross-file pass reads: its options, the project configuration, the skipped links, and each file's path with its signature (or its error). */
function crossFileDigest(base: string, files: readonly MemoFile[], signature: (file: MemoFile) => string): string {
  const hash = createHash('sha256');
  hash.update(base);
  for (const file of files) hash.update(`${JSON.stringify([file.path, file.error || !file.facts ? null : signature(file)])}\n`);
  return hash.digest('hex');
}

/** The stat manifest's slot, beside the memo's: rewritten on its own, it is small. */
const manifestSlot = (slot: string) => `${slot}:stat`;

/** The memo's slot: one per scanned selection of one root. */
function memoSlot(options: ScanOptions): string {
  return sha256(stableJson({ root: options.root, paths: options.paths, include: options.include, exclude: options.exclude })).slice(0, 32);
}

/**
 * Everything besides the namespace (format, tool version, analysis options)
 * that decides the result: the options that select files or change findings,
 * the project configuration the cross-file pass reads (tsconfig, package.json
 * files, workspaces — as loaded, so an `extends` chain counts), every file as
 * read (path, size, content hash, read error) and every skipped entry with
 * its reason (a symbolic link names its target there).
 */
async function inputDigest({ options, files, skipped }: MemoInputs): Promise<{ digest: string; crossFileBase: string }> {
  const { loadProjectConfig } = await import('../graph/project-config.js');
  const paths = files.map((file) => file.path);
  const project = await loadProjectConfig(options.root, paths);
  const skippedLines = skipped.map((entry) => `${JSON.stringify([entry.path, entry.reason, entry.size ?? null])}\n`).join('');
  const projectText = `\n${stableJson(project)}\n`;
  const hash = createHash('sha256');
  hash.update(`sonde-memo/${MEMO_FORMAT}\n`);
  hash.update(
    stableJson({
      root: options.root,
      paths: options.paths,
      include: options.include,
      exclude: options.exclude,
      maxFileSize: options.maxFileSize,
      skipGenerated: options.skipGenerated,
      rules: options.rules,
      entries: options.entries,
      ignoreTypeOnlyCycles: options.ignoreTypeOnlyCycles,
    }),
  );
  hash.update(projectText);
  // JSON-encoded fields: no path or message can forge a field boundary.
  for (const file of files) hash.update(`${JSON.stringify([file.path, file.size, file.hash, file.contentKey ?? null, file.error ?? null])}\n`);
  hash.update('skipped\n');
  hash.update(skippedLines);
  // What the cross-file pass reads besides the files (cross-file.ts): its own options, the project, the links it may follow.
  const crossFileOptions = stableJson({
    root: options.root,
    entries: options.entries,
    ignoreTypeOnlyCycles: options.ignoreTypeOnlyCycles,
    cycle: options.rules['import-cycle'],
    unused: options.rules['unused-export'],
  });
  const crossFileBase = `sonde-cross-file/${MEMO_FORMAT}\n${crossFileOptions}${projectText}skipped\n${skippedLines}files\n`;
  return { digest: hash.digest('hex'), crossFileBase };
}

/** The memo of a scan's outcome; `stored` holds facts already in stored form (read from the previous memo), by content key. */
function toPayload(
  outcome: ScanOutcome,
  digests: { readonly digest: string; readonly rulesDigest: string; readonly crossFileDigest: string; readonly signatures: ReadonlyMap<string, string> },
  stored?: ReadonlyMap<string, StoredFacts>,
): MemoPayload | undefined {
  const { digest, rulesDigest, crossFileDigest } = digests;
  const facts = new Map<string, StoredFacts>();
  const files: [string, string, readonly Finding[]][] = [];
  for (const file of outcome.files) {
    if (file.error && !DETERMINISTIC_ERRORS.has(file.error.code)) return undefined;
    const key = outcome.contentKeys.get(file.path);
    if (!file.facts || key === undefined) continue;
    if (!facts.has(key)) facts.set(key, stored?.get(key) ?? encodeFacts(file.facts));
    files.push([file.path, key, outcome.fileFindings.get(file.path) ?? []]);
  }
  const signatures = [...facts.keys()].flatMap((key) => {
    const signature = digests.signatures.get(key);
    return signature === undefined ? [] : [[key, signature] as const];
  });
  return {
    digest,
    rulesDigest,
    facts: [...facts],
    files,
    crossFile: outcome.crossFile,
    crossFileDigest,
    ...(outcome.crossFileRaw === outcome.crossFile ? {} : { crossFileRaw: outcome.crossFileRaw }),
    signatures,
  };
}

function encodeFacts(facts: FileFacts): StoredFacts {
  // Spread keeps the facts' own key order; only `functions` is replaced in place.
  return { ...facts, functions: facts.functions.map(encodeFunction) };
}

function encodeFunction(fn: FunctionFacts): StoredFunction {
  const keys = Object.keys(fn);
  const plain = keys.length === FUNCTION_KEYS.length && keys.every((key, index) => key === FUNCTION_KEYS[index]);
  const withIife = keys.length === FUNCTION_KEYS.length + 1 && keys.at(-1) === 'iife' && fn.iife === true && FUNCTION_KEYS.every((key, index) => keys[index] === key);
  if (!plain && !withIife) return fn;
  const row: (string | number)[] = FUNCTION_KEYS.map((key) => fn[key]);
  if (withIife) row.push(1);
  return row;
}

function decodeFacts(stored: StoredFacts): FileFacts {
  return { ...stored, functions: stored.functions.map(decodeFunction) };
}

function decodeFunction(stored: StoredFunction): FunctionFacts {
  if (!Array.isArray(stored)) return stored as FunctionFacts;
  const row = stored as readonly (string | number)[];
  const fn: FunctionFacts = {
    name: row[0] as string,
    line: row[1] as number,
    column: row[2] as number,
    endLine: row[3] as number,
    params: row[4] as number,
    cyclomatic: row[5] as number,
    cognitive: row[6] as number,
    maxDepth: row[7] as number,
    length: row[8] as number,
  };
  return row.length > FUNCTION_KEYS.length ? { ...fn, iife: true } : fn;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
