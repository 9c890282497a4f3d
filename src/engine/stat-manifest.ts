/**
 * The stat manifest: what a scan's discovery and read phases found, with the
 * metadata (size, mtime, ctime, inode, device) of every folder the walk listed
 * and every file it read, saved beside the scan memo (scan-memo.ts). The next
 * scan of the same selection takes a folder walk or a file's hash from it
 * instead of walking or reading, when the metadata is unchanged: git's index
 * does the same for `git status`, ESLint's cache for `--cache-strategy
 * metadata`. The content hash, not the metadata, still decides whether the
 * memo's result is served; metadata only saves the reading.
 *
 * Why metadata is enough:
 * - a file's bytes cannot change without its mtime and ctime changing, and
 *   ctime cannot be set back (`touch -d` sets mtime, and moves ctime);
 * - a folder's listing cannot change (an entry added, removed or renamed,
 *   a file replaced by a link) without the folder's mtime changing, and the
 *   walk lists every folder it could find a file in;
 * - racy entries: a write within the file system's timestamp granularity of
 *   the read could keep the metadata, so an entry whose mtime or ctime is
 *   less than RACY_MARGIN_MS older than the scan's start is not trusted: it
 *   is read again next time, and trusted once it is old enough (git calls
 *   this "racily clean"). 2 s covers FAT's and ext3's coarse timestamps.
 *
 * What it never decides: the project configuration (tsconfig, package.json)
 * and the options, which the memo's digest covers on every scan, and the
 * reasons given for symbolic links, which name their current target and are
 * worked out again.
 */
import { lstatSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { FileResult, SkippedFile } from '../types.js';
import type { Discovery } from './discover.js';
import { describeLink } from './link-reason.js';

/** Bump when the manifest's shape or meaning changes. */
const MANIFEST_FORMAT = 1;

/** How much older than the scan's start an entry's mtime and ctime must be for its metadata to be trusted. */
export const RACY_MARGIN_MS = 2000;

/** The metadata of a folder or file as one comparable string. */
export type StatKey = string;

/** How one discovered file read: a file of the scan, or skipped by its size or content. */
export type ReadRecord =
  | { readonly file: { readonly size: number; readonly hash: string; readonly contentKey?: string; readonly error?: FileResult['error'] } }
  | { readonly skipped: Omit<SkippedFile, 'path'> };

/** The walk of a whole-root scan, reusable while every folder it listed and every .gitignore it read is unchanged. */
export interface WalkRecord {
  readonly dirs: readonly (readonly [dir: string, key: StatKey])[];
  readonly ignoreFiles: readonly (readonly [path: string, key: StatKey])[];
  /** Root-relative paths of the files discovery chose, in its order. */
  readonly files: readonly string[];
  /** What discovery skipped (symbolic links), in its order. */
  readonly skipped: readonly SkippedFile[];
}

export interface StatManifest {
  readonly v: typeof MANIFEST_FORMAT;
  /** Epoch ms of the scan's start: entries younger than it (by RACY_MARGIN_MS) were left out. */
  readonly startedAt: number;
  /** The options a read's outcome depends on (the size limit, generated-file skipping): reads are reused only under the same. */
  readonly readOptions: string;
  /** Absent when some folder or .gitignore changed during the scan, or the scan named paths. */
  readonly walk?: WalkRecord;
  /** The trusted reads: path, metadata, outcome. */
  readonly reads: readonly (readonly [path: string, key: StatKey, record: ReadRecord])[];
}

/** The metadata that changes whenever the content or the listing does. */
export function statKey(stats: Stats): StatKey {
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}:${stats.dev}`;
}

/** A path's own metadata (links not followed), or undefined when it is gone or unreadable. */
function ownStats(absolutePath: string): Stats | undefined {
  try {
    return lstatSync(absolutePath, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The key of a path's own metadata, or undefined when it is gone or unreadable. */
export function currentKey(absolutePath: string): StatKey | undefined {
  const stats = ownStats(absolutePath);
  return stats && statKey(stats);
}

/** True when the metadata is old enough, against the scan's start, to be trusted next time. */
export function settled(stats: Stats, startedAt: number): boolean {
  return Math.max(stats.mtimeMs, stats.ctimeMs) < startedAt - RACY_MARGIN_MS;
}

/** The key to store for a path read during a scan that started at `startedAt`, or undefined when it is racy or gone. */
export function settledKey(absolutePath: string, startedAt: number): StatKey | undefined {
  const stats = ownStats(absolutePath);
  return stats && settled(stats, startedAt) ? statKey(stats) : undefined;
}

/**
 * The previous walk's discovery when nothing it depended on moved: every
 * folder it listed and every .gitignore it read has the same metadata.
 * Undefined otherwise (the scan walks again).
 */
export function reuseWalk(walk: WalkRecord | undefined, root: string): Discovery | undefined {
  if (!walk) return undefined;
  for (const [dir, key] of walk.dirs) if (currentKey(path.join(root, dir)) !== key) return undefined;
  for (const [file, key] of walk.ignoreFiles) if (currentKey(path.join(root, file)) !== key) return undefined;
  return {
    files: walk.files.map((file) => ({ path: file, absolutePath: path.join(root, file) })),
    skipped: walk.skipped.map((entry) => ({ path: entry.path, reason: describeLink(root, path.join(root, entry.path)) })),
  };
}

/** The options a read's outcome depends on, as the manifest stores them. */
export function readOptionsKey(options: { readonly maxFileSize: number; readonly skipGenerated: boolean }): string {
  return JSON.stringify([options.maxFileSize, options.skipGenerated]);
}

/** The previous reads by path, for the read phase: a record is used only while the file's metadata is the same. */
export class ReadShortcut {
  readonly #reads: Map<string, readonly [StatKey, ReadRecord]>;
  /** Reads that were served from the manifest. */
  served = 0;

  /** Nothing is reused from a manifest recorded under other read options. */
  constructor(manifest: StatManifest | undefined, readOptions: string) {
    const reads = manifest?.readOptions === readOptions ? manifest.reads : [];
    this.#reads = new Map(reads.map(([file, key, record]) => [file, [key, record]]));
  }

  /** The stored outcome of this file when its metadata is unchanged, with that metadata. */
  lookup(file: string, absolutePath: string): { readonly key: StatKey; readonly record: ReadRecord } | undefined {
    const previous = this.#reads.get(file);
    if (!previous) return undefined;
    const key = currentKey(absolutePath);
    if (key !== previous[0]) return undefined;
    this.served += 1;
    return { key, record: previous[1] };
  }
}

/** The manifest's JSON, checked as far as a format mix-up would show (the text was signed by this user's secret). */
export function parseManifest(text: string | undefined): StatManifest | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as StatManifest;
    return value?.v === MANIFEST_FORMAT && typeof value.startedAt === 'number' && typeof value.readOptions === 'string' && Array.isArray(value.reads)
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

/** Builds the manifest of one scan, entry by entry. */
export class ManifestRecorder {
  readonly #startedAt: number;
  readonly #readOptions: string;
  readonly #reads: [string, StatKey, ReadRecord][] = [];
  #walk: WalkRecord | undefined;
  #walkReused = false;
  /** False once anything was recorded afresh: the stored manifest then needs rewriting. */
  #unchanged = true;

  constructor(startedAt: number, readOptions: string) {
    this.#startedAt = startedAt;
    this.#readOptions = readOptions;
  }

  /** True when every entry came from the previous manifest, which therefore needs no rewrite. */
  get unchanged(): boolean {
    return this.#unchanged;
  }

  /** A file as read, with the metadata of the descriptor it was read from (undefined: not trusted next time). */
  read(file: string, stats: Stats | undefined, record: ReadRecord): void {
    this.#unchanged = false;
    if (stats && settled(stats, this.#startedAt)) this.#reads.push([file, statKey(stats), record]);
  }

  /** A read served from the previous manifest: its (settled) metadata carries over. */
  carry(file: string, key: StatKey, record: ReadRecord): void {
    this.#reads.push([file, key, record]);
  }

  /** The walk's folders and .gitignore files, stated now (after the walk: a change since would show as a young mtime). */
  walk(root: string, dirs: Iterable<string>, ignoreFiles: Iterable<string>, discovery: Discovery): void {
    this.#unchanged = false;
    const keyed = (entries: Iterable<string>) => {
      const out: [string, StatKey][] = [];
      for (const entry of entries) {
        const key = settledKey(path.join(root, entry), this.#startedAt);
        if (key === undefined) return undefined;
        out.push([entry, key]);
      }
      return out;
    };
    const dirKeys = keyed(dirs);
    const ignoreKeys = dirKeys && keyed(ignoreFiles);
    this.#walk =
      dirKeys && ignoreKeys
        ? { dirs: dirKeys, ignoreFiles: ignoreKeys, files: discovery.files.map((file) => file.path), skipped: discovery.skipped }
        : undefined;
  }

  /** A walk reused as is: it was valid, and stays so. */
  keepWalk(walk: WalkRecord): void {
    this.#walk = walk;
    this.#walkReused = true;
  }

  /** True when this scan took its discovery from the previous manifest. */
  get walkReused(): boolean {
    return this.#walkReused;
  }

  /** No walk to record (named paths, whose slot never has one): the next scan walks again. */
  noWalk(): void {
    this.#walk = undefined;
  }

  finish(): StatManifest {
    return {
      v: MANIFEST_FORMAT,
      startedAt: this.#startedAt,
      readOptions: this.#readOptions,
      ...(this.#walk ? { walk: this.#walk } : {}),
      reads: this.#reads,
    };
  }
}
