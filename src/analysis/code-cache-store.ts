/**
 * V8 code-cache blobs on disk: where they live, and when one may be used.
 *
 * A blob is compiled code: V8 runs it instead of compiling the source, and
 * checks only the source's length and its own flags. A damaged blob aborts
 * the process (measured: a few flipped bytes → "Fatal error … unreachable
 * code"); a planted one runs whatever it contains. Hence:
 *
 * - Key: the module file (path, size, mtime, inode) and the runtime (Node
 *   and V8 versions, arch, this process's flags). An edited or reinstalled
 *   module, an upgraded Node or other flags mean another key, never a stale
 *   blob.
 * - Place: the folder is the user's private cache folder
 *   (`$XDG_CACHE_HOME/sonde/v8-code-cache`, chosen in engine/strategy.ts),
 *   never the scanned tree. It is used only while it is a real directory of
 *   this user that group and others cannot write (checked again here).
 * - Trust: a blob's file name records the inode and mtime its file had when
 *   this code wrote it (temp file, then rename, which keeps both), and the
 *   file must belong to this user. A file put there any other way —
 *   restored from an archive, copied, written by another user — gets an
 *   inode and a nanosecond mtime nobody chose, does not match, and is
 *   ignored and replaced. Each blob is opened once, without following a
 *   symlink; the checks (fstat: regular file, owner, inode, mtime, size)
 *   are made on that descriptor and the bytes read from it, so the file
 *   checked is the file read.
 * - Integrity: a header holds the payload's length and CRC-32.
 * - Size: a writer removes the module's blobs for other versions of its file
 *   and keeps at most RUNTIME_VARIANTS runtimes per file (so `node --cpu-prof`
 *   now and then does not evict the usual blob): a few blobs per module.
 * - Concurrency: a writer never overwrites, it renames a file of its own into
 *   place, and removes only older blobs, so of two scans writing at once the
 *   later blob stays. A reader losing a race to a removal just compiles.
 * - Nothing here throws: a failure means "no blob" or "not written".
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import zlib from 'node:zlib';
import { makeDirs } from '../util/make-dirs.js';

const MAGIC = Buffer.from('SONDEV8\x01', 'latin1');
const HEADER_BYTES = MAGIC.length + 8;
const BLOB_SUFFIX = '.v8';
const TEMP_PREFIX = '.tmp-';
/** A temp file this old was left by a writer that died; removed by the next writer. */
const ABANDONED_TEMP_MS = 10 * 60_000;
/** No blob for ts-morph's largest file comes near this; a larger file is not ours. */
const MAX_BLOB_BYTES = 256 * 1024 * 1024;
/** Blobs kept per module file for different runtimes (Node versions, flags). */
export const RUNTIME_VARIANTS = 2;

/**
 * Names one module's blob for this process. A blob file is
 * `<module>-<file>-<runtime>-<inode>-<mtime ns>.v8`: the tags of the module's
 * path, of its file's stat and of the runtime, then the blob file's own witness.
 */
export interface BlobSlot {
  readonly moduleTag: string;
  readonly fileTag: string;
  readonly runtimeTag: string;
}

interface BlobName extends BlobSlot {
  readonly inode: string;
  readonly mtimeNs: bigint;
}

/** zlib.crc32 arrived in Node 20.15 (sonde needs 20.19+); checked anyway, so a runtime without it runs without the code cache. */
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
    return {
      moduleTag: shortHash(modulePath),
      fileTag: shortHash(`${stat.size}:${stat.mtimeNs}:${stat.ino}:${stat.dev}`),
      runtimeTag: shortHash(
        JSON.stringify([process.version, process.versions.v8, process.arch, process.execArgv, process.env.NODE_OPTIONS ?? '']),
      ),
    };
  } catch {
    return undefined;
  }
}

function slotPrefix(slot: BlobSlot): string {
  return `${slot.moduleTag}-${slot.fileTag}-${slot.runtimeTag}-`;
}

/** A blob file's name → its parts; undefined for anything else. */
function parseBlobName(name: string): BlobName | undefined {
  const match = /^([0-9a-f]{16})-([0-9a-f]{16})-([0-9a-f]{16})-(\d+)-(\d+)\.v8$/.exec(name);
  if (!match) return undefined;
  const [, moduleTag, fileTag, runtimeTag, inode, mtimeNs] = match as unknown as [string, string, string, string, string, string];
  return { moduleTag, fileTag, runtimeTag, inode, mtimeNs: BigInt(mtimeNs) };
}

/** One folder of blobs. */
export class CodeCacheStore {
  readonly dir: string;
  #entries: string[] | undefined;

  /** Set once the folder was found private; a folder that is not is never read or written. */
  #private = false;

  constructor(dir: string) {
    this.dir = dir;
  }

  #isPrivate(): boolean {
    this.#private ||= isPrivateDir(this.dir);
    return this.#private;
  }

  /** The payload of a trusted, intact blob for the slot, or undefined. */
  read(slot: BlobSlot): Buffer | undefined {
    if (!this.#isPrivate()) return undefined;
    for (const name of this.#list()) {
      const blob = name.startsWith(slotPrefix(slot)) ? parseBlobName(name) : undefined;
      const payload = blob && this.#readTrusted(name, blob);
      if (payload) return payload;
    }
    return undefined;
  }

  /** Stores a payload for the slot and drops the module's outdated blobs; false when it could not. */
  write(slot: BlobSlot, payload: Buffer): boolean {
    const temp = path.join(this.dir, `${TEMP_PREFIX}${process.pid}-${threadId}-${randomBytes(4).toString('hex')}`);
    try {
      makeDirs(this.dir, 0o700);
      if (!this.#isPrivate()) return false;
      const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      try {
        writeAll(fd, header(payload));
        writeAll(fd, payload);
      } finally {
        closeSync(fd);
      }
      // Stat'ed after close: some file systems settle mtime only then.
      const witness = lstatSync(temp, { bigint: true });
      const name = `${slotPrefix(slot)}${witness.ino}-${witness.mtimeNs}${BLOB_SUFFIX}`;
      renameSync(temp, path.join(this.dir, name));
      this.#entries = undefined;
      this.#removeOutdated(name);
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

  #readTrusted(name: string, blob: BlobName): Buffer | undefined {
    let fd: number;
    try {
      fd = openSync(path.join(this.dir, name), constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch {
      return undefined;
    }
    try {
      const stat = fstatSync(fd, { bigint: true });
      if (!stat.isFile() || `${stat.ino}` !== blob.inode || stat.mtimeNs !== blob.mtimeNs) return undefined;
      if (process.getuid && stat.uid !== BigInt(process.getuid())) return undefined;
      if (stat.size < BigInt(HEADER_BYTES) || stat.size > BigInt(MAX_BLOB_BYTES)) return undefined;
      const bytes = Buffer.alloc(Number(stat.size));
      for (let offset = 0; offset < bytes.length; ) {
        const read = readSync(fd, bytes, offset, bytes.length - offset, offset);
        if (read === 0) return undefined;
        offset += read;
      }
      if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
      const length = bytes.readUInt32LE(MAGIC.length);
      const payload = bytes.subarray(HEADER_BYTES);
      if (payload.length !== length || zlib.crc32(payload) !== bytes.readUInt32LE(MAGIC.length + 4)) return undefined;
      return payload;
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * After writing `kept`: removes the module's blobs for other versions of
   * its file, older ones for the same runtime (e.g. one V8 rejected), and
   * beyond RUNTIME_VARIANTS runtimes, the oldest; and abandoned temp files.
   */
  #removeOutdated(keptName: string): void {
    const kept = parseBlobName(keptName)!;
    const otherRuntimes: { name: string; mtimeNs: bigint }[] = [];
    for (const name of this.#list()) {
      const file = path.join(this.dir, name);
      if (name.startsWith(TEMP_PREFIX)) {
        removeIfAbandoned(file);
        continue;
      }
      const blob = parseBlobName(name);
      if (!blob || blob.moduleTag !== kept.moduleTag || name === keptName) continue;
      if (blob.fileTag !== kept.fileTag) removeQuietly(file);
      else if (blob.runtimeTag !== kept.runtimeTag) otherRuntimes.push({ name, mtimeNs: blob.mtimeNs });
      else if (blob.mtimeNs < kept.mtimeNs) removeQuietly(file);
    }
    otherRuntimes.sort((a, b) => (a.mtimeNs < b.mtimeNs ? 1 : -1));
    for (const { name } of otherRuntimes.slice(RUNTIME_VARIANTS - 1)) removeQuietly(path.join(this.dir, name));
  }
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

/** A real directory of this user that group and others cannot write. */
function isPrivateDir(dir: string): boolean {
  try {
    const stat = lstatSync(dir);
    return stat.isDirectory() && (!process.getuid || stat.uid === process.getuid()) && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function removeIfAbandoned(tempFile: string): void {
  try {
    if (Date.now() - lstatSync(tempFile).mtimeMs > ABANDONED_TEMP_MS) removeQuietly(tempFile);
  } catch {
    // Gone already.
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone, or not ours to remove: either way nothing to do.
  }
}
