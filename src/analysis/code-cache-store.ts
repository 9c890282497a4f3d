/**
 * V8 code-cache blobs on disk: where they live, and when one may be used.
 *
 * A blob is compiled code: V8 runs it instead of compiling the source, and
 * checks only the source's length and its own flags. A damaged blob aborts
 * the process (measured: a few flipped bytes → "Fatal error … unreachable
 * code"); a planted one runs whatever it contains. Hence:
 *
 * - Key: Node and V8 versions, arch, this process's flags, and the module
 *   file's path, size, mtime and inode. An edited or reinstalled module, an
 *   upgraded Node or other flags mean another key, never a stale blob.
 * - Trust: a blob's file name records the inode and mtime its file had when
 *   this code wrote it (temp file, then rename, which keeps both), and the
 *   file must belong to this user. A file put there any other way —
 *   committed to the scanned repository (the default cache folder is its
 *   .sonde/), restored from an archive, written by another user — cannot
 *   match, is ignored and gets replaced.
 * - Integrity: a header holds the payload's length and CRC-32.
 * - Concurrency: a writer never overwrites, it renames a file of its own into
 *   place, then removes the module's older blobs, so the folder keeps about
 *   one blob per module. A reader losing a race to that removal just compiles.
 * - Nothing here throws: a failure means "no blob" or "not written".
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import zlib from 'node:zlib';

const MAGIC = Buffer.from('SONDEV8\x01', 'latin1');
const HEADER_BYTES = MAGIC.length + 8;
const BLOB_SUFFIX = '.v8';
const TEMP_PREFIX = '.tmp-';
/** A temp file this old was left by a writer that died; removed by the next writer. */
const ABANDONED_TEMP_MS = 10 * 60_000;

/** Names one module's blob for this process: `<module tag>-<key tag>`; the file adds `-<inode>-<mtime ns>.v8`. */
export interface BlobSlot {
  readonly moduleTag: string;
  readonly prefix: string;
}

/** zlib.crc32 arrived in Node 20.15; without it there is no code cache (sonde supports 20.12+). */
export function codeCacheSupported(): boolean {
  return typeof (zlib as { crc32?: unknown }).crc32 === 'function';
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The slot of a module file as it is now; undefined when it can't be stat'ed. */
export function blobSlot(modulePath: string): BlobSlot | undefined {
  try {
    const stat = statSync(modulePath, { bigint: true });
    const key = JSON.stringify([
      process.version,
      process.versions.v8,
      process.arch,
      process.execArgv,
      process.env.NODE_OPTIONS ?? '',
      modulePath,
      `${stat.size}`,
      `${stat.mtimeNs}`,
      `${stat.ino}`,
      `${stat.dev}`,
    ]);
    const moduleTag = shortHash(modulePath);
    return { moduleTag, prefix: `${moduleTag}-${shortHash(key)}` };
  } catch {
    return undefined;
  }
}

/** One folder of blobs. */
export class CodeCacheStore {
  readonly dir: string;
  #entries: string[] | undefined;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** The payload of a trusted, intact blob for the slot, or undefined. */
  read(slot: BlobSlot): Buffer | undefined {
    for (const name of this.#list()) {
      if (!name.startsWith(`${slot.prefix}-`) || !name.endsWith(BLOB_SUFFIX)) continue;
      const payload = this.#readTrusted(name);
      if (payload) return payload;
    }
    return undefined;
  }

  /** Stores a payload for the slot and drops the module's older blobs; false when it could not. */
  write(slot: BlobSlot, payload: Buffer): boolean {
    const temp = path.join(this.dir, `${TEMP_PREFIX}${process.pid}-${threadId}-${randomBytes(4).toString('hex')}`);
    try {
      mkdirSync(this.dir, { recursive: true });
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeAll(fd, header(payload));
        writeAll(fd, payload);
      } finally {
        closeSync(fd);
      }
      // Stat'ed after close: some file systems settle mtime only then.
      const witness = statSync(temp, { bigint: true });
      const name = `${slot.prefix}-${witness.ino}-${witness.mtimeNs}${BLOB_SUFFIX}`;
      renameSync(temp, path.join(this.dir, name));
      this.#entries = undefined;
      this.#removeOlder(slot, name);
      return true;
    } catch {
      removeQuietly(temp);
      return false;
    }
  }

  #list(): string[] {
    try {
      this.#entries ??= readdirSync(this.dir);
    } catch {
      this.#entries = [];
    }
    return this.#entries;
  }

  #readTrusted(name: string): Buffer | undefined {
    const { inode, mtimeNs } = parseBlobName(name);
    try {
      const file = path.join(this.dir, name);
      const stat = lstatSync(file, { bigint: true });
      if (!stat.isFile() || `${stat.ino}` !== inode || `${stat.mtimeNs}` !== mtimeNs) return undefined;
      if (process.getuid && stat.uid !== BigInt(process.getuid())) return undefined;
      const blob = readFileSync(file);
      if (blob.length < HEADER_BYTES || !blob.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
      const length = blob.readUInt32LE(MAGIC.length);
      const payload = blob.subarray(HEADER_BYTES);
      if (payload.length !== length || zlib.crc32(payload) !== blob.readUInt32LE(MAGIC.length + 4)) return undefined;
      return payload;
    } catch {
      return undefined;
    }
  }

  /**
   * Removes the module's blobs under other keys (an older ts-morph, Node or
   * flags) and older ones under this key (one V8 rejected). Newer ones stay:
   * of two scans writing at once, the later blob survives both removals.
   */
  #removeOlder(slot: BlobSlot, kept: string): void {
    const keptMtime = BigInt(parseBlobName(kept).mtimeNs);
    const now = Date.now();
    for (const name of this.#list()) {
      if (name === kept) continue;
      const file = path.join(this.dir, name);
      if (name.startsWith(`${slot.moduleTag}-`) && name.endsWith(BLOB_SUFFIX)) {
        const blob = parseBlobName(name);
        if (blob.prefix !== slot.prefix || !/^\d+$/.test(blob.mtimeNs) || BigInt(blob.mtimeNs) < keptMtime) removeQuietly(file);
      } else if (name.startsWith(TEMP_PREFIX)) {
        try {
          if (now - statSync(file).mtimeMs > ABANDONED_TEMP_MS) removeQuietly(file);
        } catch {
          // Gone already.
        }
      }
    }
  }
}

/** `<module tag>-<key tag>-<inode>-<mtime ns>.v8` → its parts. */
function parseBlobName(name: string): { prefix: string; inode: string; mtimeNs: string } {
  const [moduleTag = '', keyTag = '', inode = '', mtimeNs = ''] = name.slice(0, -BLOB_SUFFIX.length).split('-');
  return { prefix: `${moduleTag}-${keyTag}`, inode, mtimeNs };
}

function header(payload: Buffer): Buffer {
  const bytes = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(bytes);
  bytes.writeUInt32LE(payload.length, MAGIC.length);
  bytes.writeUInt32LE(zlib.crc32(payload), MAGIC.length + 4);
  return bytes;
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone, or not ours to remove: either way nothing to do.
  }
}
